/**
 * Prints the offline assistant's score on the prompt set (npm run ai:score):
 * the share of prompts whose fields, types, required flags and options come out
 * exactly as expected, and what went wrong in the others.
 */
import { scorePromptSet } from './prompt-score';

const score = scorePromptSet();
for (const result of score.results.filter((r) => !r.ok)) {
  process.stdout.write(`✗ ${result.id} ${result.prompt}\n    ${result.problems.join('\n    ')}\n`);
}
process.stdout.write(`\nOffline parser: ${score.right}/${score.total} prompts exactly right (${score.percent} %)\n`);
