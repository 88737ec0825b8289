// sdv.mjs extracts the structured data of HTML files with
// @marbec/web-auto-extractor and checks it with Adobe's
// @adobe/structured-data-validator against a local copy of the schema.org
// vocabulary: schema.org's types and properties, and Google's rich-results
// requirements for the types it knows.
//
//	node sdv.mjs MODULES VOCABULARY < list-of-html-files
//
// MODULES is the node_modules directory holding both packages; VOCABULARY
// is schemaorg-all-https.jsonld. The names of the HTML files are read from
// the standard input, one a line. It prints JSON lines: first the versions
// of the two packages, then one line per file, in the order given:
//
//	{"file": NAME, "items": [TYPE, ...], "issues": [ISSUE, ...]}
//
// items are the @type of each top-level item extracted (a node of an
// @graph counts as one), and each issue is one of the validator's
// (severity "ERROR" or "WARNING", issueMessage, path, fieldNames), the
// extractor's own errors (such as a node without @type) included. It
// reads nothing from the network. Package sdvtest runs it.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, vocabulary] = process.argv.slice(2);
if (!modules || !vocabulary) {
  console.error('usage: node sdv.mjs MODULES VOCABULARY < files');
  process.exit(2);
}

// The packages live outside the repository, in MODULES: resolve them
// there, as Node would for a script inside it.
const require = createRequire(join(modules, 'resolve.js'));
const load = async (name) => {
  const pkg = JSON.parse(readFileSync(require.resolve(name + '/package.json'), 'utf8'));
  const mod = await import(pathToFileURL(require.resolve(name)).href);
  return { version: pkg.version, mod: mod.default };
};
const validatorPkg = await load('@adobe/structured-data-validator');
const extractorPkg = await load('@marbec/web-auto-extractor');
const Validator = validatorPkg.mod;
const WebAutoExtractor = extractorPkg.mod;

// The vocabulary is given to the validator as the README's example gives
// what it fetches from schema.org: the parsed JSON-LD document.
const validator = new Validator(JSON.parse(readFileSync(vocabulary, 'utf8')));

console.log(JSON.stringify({ validator: validatorPkg.version, extractor: extractorPkg.version }));

const files = readFileSync(0, 'utf8').split('\n').filter((f) => f !== '');
for (const file of files) {
  const html = readFileSync(file, 'utf8');
  const data = new WebAutoExtractor({ addLocation: true, embedSource: false }).parse(html);
  const items = [];
  for (const format of ['jsonld', 'microdata', 'rdfa']) {
    for (const [type, list] of Object.entries(data[format] || {})) {
      for (let i = 0; i < list.length; i++) {
        items.push(type);
      }
    }
  }
  const issues = (await validator.validate(data)).map((i) => ({
    severity: i.severity,
    issueMessage: i.issueMessage,
    rootType: i.rootType,
    path: i.path,
    fieldNames: i.fieldNames,
    source: i.source,
  }));
  console.log(JSON.stringify({ file, items, issues }));
}
