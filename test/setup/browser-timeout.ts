// A browser journey signs in several people, each in a page of their own, and waits for what a person would see:
// on a busy two-core machine (three test lanes side by side) one journey can take over a minute without anything
// being wrong, so the browser tier's tests get 150 s each rather than the 60 s of the other tiers. A step that
// waits for something that never comes still fails at Playwright's own 20 s (test/support/browser.ts).
jest.setTimeout(150_000);
