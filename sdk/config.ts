/** Lets data-source functions, which run in the Pulumi program, read the same stack config. */
import * as pulumi from "@pulumi/pulumi";
import { setStackConfig } from "../provider/config";

export function useProgramConfig(): void {
  setStackConfig({
    get: (key) => {
      const i = key.indexOf(":");
      return new pulumi.Config(key.slice(0, i)).get(key.slice(i + 1));
    },
  });
}
