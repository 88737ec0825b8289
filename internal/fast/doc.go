// Package fast holds the speed machinery of the module: code that is
// faster or smaller than the plain way (a map, a string, html/template)
// and harder to read. Each piece stays only where a benchmark shows its
// gain: docs/scale.md, "Speed machinery", lists them, each with the exact
// command of its benchmark. It is the only package of the module that
// imports unsafe (internal/imports checks it).
//
// What it holds:
//   - [Arena]: copies of strings packed into pointer-free blocks, each
//     named by a uint32 ref (validate.Index keeps publications' ids,
//     DOIs and arXiv ids in one).
//   - [Table]: a map of strings to uint32 values over an Arena, found by
//     their 64-bit hash, compared exactly.
package fast
