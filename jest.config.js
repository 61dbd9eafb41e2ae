/** Unit, integration and end-to-end tests all run through jest (ts-jest). */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] },
  testMatch: ["<rootDir>/tests/**/*.test.ts", "<rootDir>/tests/**/*.test.tsx"],
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 30000,
};
