// Imported by a cycle, on none.
export const leaf = 'leaf';
