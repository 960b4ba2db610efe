// Compiles LantauCollectibles.sol offline with the bundled solc and OpenZeppelin from node_modules, and prints
// {"abi": [...], "bytecode": "0x..."} on stdout. Usage: node compile.js <node_modules dir>
// The committed LantauCollectibles.json is this script's output; Erc721ArtifactTest recompiles and compares.
const fs = require('fs');
const path = require('path');
const modules = path.resolve(process.argv[2]);
const solc = require(path.join(modules, 'solc'));
const source = fs.readFileSync(path.join(__dirname, 'LantauCollectibles.sol'), 'utf8');
const input = {
  language: 'Solidity',
  sources: { 'LantauCollectibles.sol': { content: source } },
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
function findImports(p) {
  const file = path.join(modules, p);
  return fs.existsSync(file) ? { contents: fs.readFileSync(file, 'utf8') } : { error: 'not found: ' + p };
}
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  console.error(errors.map((e) => e.formattedMessage).join('\n'));
  process.exit(1);
}
const contract = output.contracts['LantauCollectibles.sol'].LantauCollectibles;
process.stdout.write(JSON.stringify({ abi: contract.abi, bytecode: '0x' + contract.evm.bytecode.object }) + '\n');
