/** Three layers, one runner: unit (no network), integration (emulator on loopback), e2e (real Pulumi CLI). */
const tsJest = ["ts-jest", { diagnostics: false }];
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: "node",
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  transform: { "^.+\\.ts$": tsJest },
  // `make demo` and `make bench` keep copies of the example stacks (with node_modules) in .tools/;
  // `make sdks` writes generated packages (with package.json files) to sdks/.
  modulePathIgnorePatterns: ["<rootDir>/.tools/", "<rootDir>/sdks/"],
  ...extra,
});
module.exports = {
  projects: [
    project("unit"),
    project("integration"),
    project("e2e"),
    // `make bench` only: `make test` selects unit, integration and e2e.
    project("bench", { testMatch: ["<rootDir>/test/bench/**/*.bench.ts"] }),
  ],
  testTimeout: 120000,
};
