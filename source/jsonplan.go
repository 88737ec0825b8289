package source

import (
	"encoding"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/go-json-experiment/json"
	"gopkg.in/yaml.v3"
)

// A plan says how the values of one Go type are read from JSON, for the
// pass that collects every error (see collect.go). Plans exist only for
// types that read the same from JSON as from YAML (see [planFor]).
type plan struct {
	kind planKind
	typ  reflect.Type
	elem *plan // of a pointer, slice or map

	// Of a struct: its fields by JSON name, and for a struct that is also
	// an [encoding.TextUnmarshaler], the same struct without methods, so
	// that a JSON object can be decoded into it field by field.
	fields map[string]field
	text   bool
	plain  reflect.Type

	str bool // a leaf of kind string without methods: any JSON string will do
}

type field struct {
	index int
	plan  *plan
}

type planKind int

const (
	leafKind   planKind = iota // a scalar, decoded by json-experiment
	structKind                 // an object, or text for a TextUnmarshaler
	sliceKind                  // an array
	mapKind                    // an object with string keys
	ptrKind                    // null or the element
)

// plans caches the plan of each type asked for: a *plan, or nil when the
// type cannot be decoded from JSON as it is from YAML. Types are few and
// fixed, so the cache stays small.
var plans sync.Map // reflect.Type → *plan

// plainTypes maps each struct type that is a TextUnmarshaler to the same
// struct without methods; see [decodeTextStruct].
var plainTypes sync.Map // reflect.Type → reflect.Type

// planFor returns the plan of t, or nil if JSON input cannot be decoded
// into t by json-experiment with the same meaning as YAML input by yaml.v3.
// That is so when every struct field has the same name in its json tag as
// in its yaml tag (or the same Go name, compared as each package does),
// no type has its own UnmarshalJSON or UnmarshalYAML method, and there are
// no interfaces, arrays, byte slices or embedded structs, whose decoding
// the two packages define differently. Such types are left to yaml.v3.
func planFor(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	b := planBuilder{seen: make(map[reflect.Type]*plan)}
	p := b.build(t)
	if b.failed {
		p = nil
	}
	if p != nil {
		for typ, plain := range b.plain {
			plainTypes.Store(typ, plain)
		}
	}
	plans.Store(t, p)
	return p
}

type planBuilder struct {
	seen   map[reflect.Type]*plan
	plain  map[reflect.Type]reflect.Type
	failed bool
}

var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	yamlNodeType        = reflect.TypeFor[yaml.Node]()
)

// ownDecoders are the interfaces by which a type decodes itself from JSON
// or YAML other than as text; yaml.v3's obsolete Unmarshaler is among them.
var ownDecoders = []reflect.Type{
	reflect.TypeFor[json.Unmarshaler](),
	reflect.TypeFor[json.UnmarshalerFrom](),
	reflect.TypeFor[yaml.Unmarshaler](),
	reflect.TypeFor[interface {
		UnmarshalYAML(func(any) error) error
	}](),
}

func decodesItself(t reflect.Type) bool {
	for _, it := range ownDecoders {
		if t.Implements(it) || reflect.PointerTo(t).Implements(it) {
			return true
		}
	}
	return false
}

func isText(t reflect.Type) bool {
	return t.Implements(textUnmarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType)
}

func (b *planBuilder) build(t reflect.Type) *plan {
	if p, ok := b.seen[t]; ok {
		return p // a recursive type: the plan is being built
	}
	p := &plan{typ: t}
	b.seen[t] = p
	if t == yamlNodeType || decodesItself(t) {
		b.failed = true
		return p
	}
	switch t.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		p.kind = leafKind
	case reflect.Pointer:
		p.kind = ptrKind
		p.elem = b.build(t.Elem())
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			b.failed = true // base64 in JSON, !!binary or a list in YAML
		}
		p.kind = sliceKind
		p.elem = b.build(t.Elem())
	case reflect.Map:
		if t.Key().Kind() != reflect.String || isText(t.Key()) || decodesItself(t.Key()) {
			b.failed = true
		}
		p.kind = mapKind
		p.elem = b.build(t.Elem())
	case reflect.Struct:
		p.kind = structKind
		b.buildStruct(p)
	default:
		b.failed = true // interfaces, arrays, complex numbers, channels, functions
	}
	if isText(t) && t.Kind() != reflect.Struct {
		p.kind = leafKind // text in both, through UnmarshalText
	}
	p.str = p.kind == leafKind && t.Kind() == reflect.String && !isText(t)
	return p
}

func (b *planBuilder) buildStruct(p *plan) {
	t := p.typ
	p.fields = make(map[string]field, t.NumField())
	var plainFields []reflect.StructField
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Anonymous {
			b.failed = true // the two treat embedded structs differently
			return
		}
		plainFields = append(plainFields, sf)
		if !sf.IsExported() {
			continue // ignored by both
		}
		yname, yskip, yok := yamlName(sf)
		jname, jskip, jok := jsonName(sf)
		if !yok || !jok || yskip != jskip || yname != jname {
			b.failed = true
			return
		}
		if jskip {
			continue
		}
		p.fields[jname] = field{index: i, plan: b.build(sf.Type)}
	}
	if isText(t) {
		if len(plainFields) != t.NumField() || slices.ContainsFunc(plainFields, func(sf reflect.StructField) bool { return !sf.IsExported() }) {
			b.failed = true // reflect.StructOf cannot copy hidden fields
			return
		}
		p.text = true
		if b.plain == nil {
			b.plain = make(map[reflect.Type]reflect.Type)
		}
		b.plain[t] = reflect.StructOf(plainFields)
		p.plain = b.plain[t]
	}
}

// yamlName returns the key yaml.v3 uses for a field, whether it skips it,
// and false for flags that change decoding (inline).
func yamlName(sf reflect.StructField) (name string, skip, ok bool) {
	tag := sf.Tag.Get("yaml")
	if tag == "-" {
		return "", true, true
	}
	name, flags, _ := strings.Cut(tag, ",")
	for flag := range strings.SplitSeq(flags, ",") {
		if flag != "" && flag != "omitempty" && flag != "flow" {
			return "", false, false
		}
	}
	if name == "" {
		name = strings.ToLower(sf.Name)
	}
	return name, false, true
}

// jsonName returns the name json-experiment uses for a field, whether it
// skips it, and false for options that change decoding (string, nocase,
// inline, unknown, format).
func jsonName(sf reflect.StructField) (name string, skip, ok bool) {
	tag := sf.Tag.Get("json")
	if tag == "-" {
		return "", true, true
	}
	name, opts, _ := strings.Cut(tag, ",")
	if strings.HasPrefix(name, "'") || strings.ContainsAny(name, `"\`) {
		return "", false, false // a quoted name: rare, left to yaml.v3
	}
	for opt := range strings.SplitSeq(opts, ",") {
		if opt != "" && opt != "omitempty" && opt != "omitzero" {
			return "", false, false
		}
	}
	if name == "" {
		name = sf.Name
	}
	return name, false, true
}
