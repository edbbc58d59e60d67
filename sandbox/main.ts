// `npm run sandbox`: the CallFire sandbox on its own, for other tools and for poking at it with curl.
import { startSandbox } from "./index.js";
import { sandboxOptionsFromEnv } from "./sandbox-env.js";

const sandbox = await startSandbox({
  ...sandboxOptionsFromEnv(process.env),
  log: (line) => console.log(line),
});
console.log(`CallFire sandbox listening on ${sandbox.apiUrl}`);
console.log(`credentials: ${sandbox.login} / ${sandbox.password}`);
console.log(`try: curl -u '${sandbox.login}:${sandbox.password}' ${sandbox.apiUrl}/texts/broadcasts`);

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
