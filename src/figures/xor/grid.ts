/**
 * The lattice the XOR decision boundary is sampled on: GRID×GRID points over
 * [GRID_MIN, GRID_MAX]². Kept apart from the session so the page can draw the
 * boundary without importing TF.js.
 */
export const GRID = 25;
export const GRID_MIN = -0.25;
export const GRID_MAX = 1.25;
