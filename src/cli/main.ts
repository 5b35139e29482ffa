// Placeholder while this entry is written (issue 7); replaced in the next commits.
export {};
