// Reads {"schemas": {name: schema}, "documents": [{"schema": name, "data": value}]} on stdin and
// prints one JSON array of booleans: whether each document is valid under its schema, per ajv.
import Ajv2020 from "ajv/dist/2020.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));

// Formats are annotations (as in Python's jsonschema by default); strict mode stays on so that
// a schema keyword ajv does not understand is an error, not silently ignored.
const ajv = new Ajv2020({
  strictSchema: true,
  strictNumbers: true,
  strictTuples: true,
  strictTypes: false,
  strictRequired: false, // "exactly one of date and milestone" names keys in oneOf branches
  validateFormats: false,
});
const compiled = {};
for (const [name, schema] of Object.entries(input.schemas)) {
  compiled[name] = ajv.compile(schema);
}
const verdicts = input.documents.map((doc) => compiled[doc.schema](doc.data));
process.stdout.write(JSON.stringify(verdicts));
