// Public API of language handling: detection per passage (detect.ts); normalisation joins this folder later.
export { detectLanguage, guessLanguage, type DetectOptions, type LanguageGuess } from "./detect.js";
