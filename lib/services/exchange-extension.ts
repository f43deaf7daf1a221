import { exchangeService } from '../../lambda/exchange/routes';
import type { ServiceStack } from './service-stack';

/** What the exchange needs beyond its API: its settings, and each department's classification for the classification rule. */
export function addExchangeExtension(stack: ServiceStack): void {
  const departments = Object.fromEntries(stack.config.departments.map((d) => [d.code, d.classification]));
  for (const fn of Object.values(stack.functions)) {
    fn.function.addEnvironment(exchangeService.environment.settings, JSON.stringify(stack.config.exchange));
    fn.function.addEnvironment(exchangeService.environment.departments, JSON.stringify(departments));
  }
}
