// The baseline of the synth benchmark: one empty stack, synthesized with the same toolchain,
// feature flags and built-in template validation as the platform.
import { App, Stack } from 'aws-cdk-lib';

const app = new App();
new Stack(app, 'Empty', { env: { region: 'ap-east-1' } });
app.synth();
