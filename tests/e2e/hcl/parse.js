// Parses each HCL file named on the command line with @cdktf/hcl2json (the
// HashiCorp HCL parser compiled to WebAssembly) and prints one JSON object:
// {"<file>": <its JSON form>, ...}. A file that does not parse ends the
// process with status 1 and the parser's message on stderr.
const fs = require("fs");
const { parse } = require("@cdktf/hcl2json");

async function main() {
  const parsed = {};
  for (const file of process.argv.slice(2)) {
    try {
      parsed[file] = await parse(file, fs.readFileSync(file, "utf8"));
    } catch (error) {
      process.stderr.write(`${file}: ${error.message || error}\n`);
      process.exit(1);
    }
  }
  process.stdout.write(JSON.stringify(parsed));
}

main();
