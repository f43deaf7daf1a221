// The baseline of the synth benchmark: one (nearly) empty stack, synthesized with the same
// toolchain, feature flags and built-in template validation as the platform. The template
// linter refuses a stack without resources, so it holds one resource that creates nothing.
import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';

const app = new App();
new CfnWaitConditionHandle(new Stack(app, 'Empty', { env: { region: 'ap-east-1' } }), 'Nothing');
app.synth();
