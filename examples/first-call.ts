// Your first call with @loggd/sdk: who am I, and how are my habits doing?
//
//   LOGGD_TOKEN=... node examples/first-call.ts
//   LOGGD_BASE_URL=http://127.0.0.1:4010/api/v1/public LOGGD_TOKEN=mock_pro_all node examples/first-call.ts   (a mock)
//
// The token comes from LOGGD_TOKEN and the base URL from LOGGD_BASE_URL (default https://loggd.life/api/v1/public).
import { AuthenticationError, Loggd, LoggdError, MissingScopeError, ProRequiredError } from '@loggd/sdk';

const loggd = new Loggd();

try {
  const profile = await loggd.profile.get();
  console.log(`Hello ${profile.username}: level ${profile.level}, ${profile.total_points} points.`);

  // Every active habit, across pages (100 per request).
  let count = 0;
  for await (const habit of loggd.habits.list()) {
    count++;
    console.log(
      `${habit.emoji ?? '•'} ${habit.name}: streak ${habit.current_streak} (best ${habit.longest_streak})`,
    );
  }
  console.log(`${count} active habit${count === 1 ? '' : 's'}; ${loggd.stats.requests} requests sent.`);
  if (loggd.rateLimit?.remaining != null)
    console.log(`Quota left this minute: ${loggd.rateLimit.remaining}.`);
} catch (error) {
  if (error instanceof AuthenticationError) console.error('The token was refused: check LOGGD_TOKEN.');
  else if (error instanceof ProRequiredError) console.error('API access needs an active Pro subscription.');
  else if (error instanceof MissingScopeError)
    console.error(`Add these scopes to the token: ${error.missingAbilities.join(', ')}.`);
  else if (error instanceof LoggdError) console.error(`${error.code}: ${error.message}`);
  else throw error;
  process.exitCode = 1;
}
