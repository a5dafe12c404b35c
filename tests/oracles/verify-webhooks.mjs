// The Standard Webhooks reference library (npm standardwebhooks) as an oracle: reads a JSON array of deliveries
// ({secret, headers, body, now?}) on stdin and prints a JSON array, one entry per delivery: true when the library
// verifies its signature, else the library's error message. "now" (Unix seconds) sets the library's clock to the
// server's injected clock, so a delivery stamped by a test's manual clock is judged at that time.
import { Webhook } from "standardwebhooks";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => { text += chunk; });
  process.stdin.on("end", () => resolve(text));
}));

const realNow = Date.now;
const results = input.map(({ secret, headers, body, now }) => {
  Date.now = now == null ? realNow : () => now * 1000;
  try {
    new Webhook(secret).verify(body, headers);
    return true;
  } catch (e) {
    return String(e && e.message ? e.message : e);
  } finally {
    Date.now = realNow;
  }
});
process.stdout.write(JSON.stringify(results));
