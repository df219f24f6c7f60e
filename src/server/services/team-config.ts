import type { Need, OptionOffer, RuleSettings } from '../../engine/index.ts';
import type { Actor, ServiceDeps } from './context.ts';
import { suggestedOfferContext } from './options.ts';

const ALL_NEEDS: Need[] = ['timing', 'financial', 'replacement', 'information', 'acknowledgement', 'escalation'];

export interface TeamConfig {
  companyName: string;
  agentName: string;
  rules: RuleSettings;
  options: OptionOffer[];
}

/**
 * What the browser extension coaches with, as the desk itself coaches: the company name, the caller's name,
 * rule levels (the desk runs the playbook's defaults, so none are set), and the remedies catalogue in the
 * engine's shape, as the desk's own case coaching passes it.
 *
 * @example
 * (await teamConfig(deps, agent)).companyName // 'Northwind Support'
 */
export async function teamConfig(deps: ServiceDeps, actor: Actor): Promise<TeamConfig> {
  return {
    companyName: deps.config.companyName,
    agentName: actor.name,
    rules: {},
    options: await suggestedOfferContext(deps.db, ALL_NEEDS),
  };
}
