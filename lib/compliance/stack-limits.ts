/** CloudFormation's hard limits for one template. */
export const STACK_LIMITS = {
  resources: 500,
  parameters: 200,
  outputs: 200,
  templateBytes: 1_000_000,
} as const;

export interface StackFigures {
  readonly stack: string;
  readonly resources: number;
  readonly parameters: number;
  readonly outputs: number;
  readonly templateBytes: number;
}

/** Counts what CloudFormation limits in a synthesized template. */
export function stackFigures(stack: string, template: { Resources?: object; Parameters?: object; Outputs?: object }): StackFigures {
  return {
    stack,
    resources: Object.keys(template.Resources ?? {}).length,
    parameters: Object.keys(template.Parameters ?? {}).length,
    outputs: Object.keys(template.Outputs ?? {}).length,
    templateBytes: Buffer.byteLength(JSON.stringify(template)),
  };
}

/** One message per limit a stack exceeds, naming the stack and the figure. */
export function limitBreaches(figures: StackFigures): string[] {
  return (Object.keys(STACK_LIMITS) as Array<keyof typeof STACK_LIMITS>)
    .filter((limit) => figures[limit] > STACK_LIMITS[limit])
    .map((limit) => `${figures.stack} has ${figures[limit]} ${limit}, over CloudFormation's limit of ${STACK_LIMITS[limit]}`);
}
