/**
 * Prints the offline assistant's score (npm run ai:score): the share of prompts
 * whose fields, types, required flags and options come out exactly as expected,
 * on the main set and on the held-out set, and what went wrong in the others.
 */
import { scorePromptSet, type Score } from './prompt-score';
import { HOLDOUT_SET } from './prompt-holdout';
import { PROMPT_SET } from './prompt-set';

function report(name: string, score: Score): void {
  for (const result of score.results.filter((r) => !r.ok)) {
    process.stdout.write(`✗ ${result.id} ${result.prompt}\n    ${result.problems.join('\n    ')}\n`);
  }
  process.stdout.write(`${name}: ${score.right}/${score.total} prompts exactly right (${score.percent} %)\n\n`);
}

report('Offline parser, prompt set', scorePromptSet(PROMPT_SET));
report('Offline parser, held-out set', scorePromptSet(HOLDOUT_SET));
