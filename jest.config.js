/** Unit, integration and end-to-end tests all run through jest (ts-jest). */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] },
  testMatch: ["<rootDir>/tests/**/*.test.ts", "<rootDir>/tests/**/*.test.tsx"],
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 30000,
  // Under jsdom, jest picks uuid's browser ESM build (exceljs depends on uuid 8); use its CommonJS build.
  moduleNameMapper: { "^uuid$": "<rootDir>/node_modules/uuid/dist/index.js" },
};
