"use client";

// Saved when the calls page loads, before the aws-amplify cells' capture can patch window.fetch,
// so the test calls' own requests are never mistaken for Amplify's.
export const baseFetch: typeof fetch = typeof window === "undefined" ? fetch : window.fetch.bind(window);
