// Re-serializes N-Triples as Turtle with N3.js: a StreamParser piped to a
// StreamWriter, with the prefixes scholarld's Turtle declares.
// Usage: node convert-n3.js in.nt out.ttl
const fs = require('fs');
const { StreamParser, StreamWriter } = require('n3');

const prefixes = {
  schema: 'http://schema.org/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  vivo: 'http://vivoweb.org/ontology/core#',
  obo: 'http://purl.obolibrary.org/obo/',
  sld: 'https://scholarld.github.io/ns#',
};

fs.createReadStream(process.argv[2])
  .pipe(new StreamParser({ format: 'N-Triples' }))
  .pipe(new StreamWriter({ prefixes }))
  .pipe(fs.createWriteStream(process.argv[3]));
