// `npm run sandbox`: the CallFire sandbox on its own, for other tools and for poking at it with curl.
import { DEFAULT_PASSWORD, startSandbox } from "./index.js";
import { sandboxOptionsFromEnv } from "./sandbox-env.js";

const sandbox = await startSandbox({
  ...sandboxOptionsFromEnv(process.env),
  log: (line) => console.log(line),
});
console.log(`CallFire sandbox listening on ${sandbox.apiUrl}`);
// The documented default password is printed to get a new user going; one set in SANDBOX_PASSWORD is a
// real secret and never reaches the output.
const shownPassword = sandbox.password === DEFAULT_PASSWORD ? sandbox.password : "<SANDBOX_PASSWORD>";
console.log(`credentials: ${sandbox.login} / ${shownPassword}`);
console.log(`try: curl -u '${sandbox.login}:${shownPassword}' ${sandbox.apiUrl}/texts/broadcasts`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log(`${signal}: stopping the sandbox`);
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
