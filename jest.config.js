/** @type {import('jest').Config} */
module.exports = {
    preset: 'ts-jest',
    testEnvironment: 'node',
    roots: ['<rootDir>/test'],
    // Fixture apps are packaged by the tests, not run by jest.
    modulePathIgnorePatterns: ['<rootDir>/test/harness/fixture-app'],
    testPathIgnorePatterns: ['/node_modules/', '/fixture-app/'],
    // End-to-end tests start a real Deno subprocess per app.
    testTimeout: 60000,
};
