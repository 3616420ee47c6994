// Validates speedscope files against speedscope's own file-format schema, as shipped by
// the `speedscope` npm package (dist/release/file-format-schema.json), with ajv.
// Usage: node validate-speedscope.mjs FILE...   Exit status 1 when a file is invalid.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');
const schemaPath = require.resolve('speedscope/dist/release/file-format-schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const version = JSON.parse(readFileSync(require.resolve('speedscope/package.json'), 'utf8')).version;
// strict: false because the generated schema puts `title` beside `$ref`, which draft-07
// allows and ajv's strict mode reports.
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

let failed = false;
for (const file of process.argv.slice(2)) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (validate(data)) {
    console.log(`valid: ${file} (speedscope ${version} schema)`);
  } else {
    failed = true;
    console.log(`INVALID: ${file}`);
    for (const err of validate.errors) console.log(`  ${err.instancePath || '/'} ${err.message}`);
  }
}
process.exit(failed ? 1 : 0);
