/** Everything the program touches outside itself, so that `main` can run against fakes as well as a process. */
export interface Io {
  env: NodeJS.ProcessEnv;
  now(): Date;
  stdout: OutputStream;
  stderr: OutputStream;
}

export interface OutputStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): void;
}
