import '@testing-library/jest-dom';

// The component tests drive whole forms and pages through many interactions;
// on a busy two-core CI machine one can take several seconds, and jest's
// default of 5 s made them fail for time rather than behaviour.
jest.setTimeout(30_000);
