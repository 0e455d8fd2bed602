import { mnhaScenario } from '../scenario-kit.js';

/** IKE negotiation on the active node and SA synchronisation to the backup. */
export const ipsecScenario = mnhaScenario({
  name: 'ipsec',
  title: 'IPsec VPN on SRG1: IKE from the active node, SAs synchronised',
  description: 'IKE negotiates only from the active node and its SAs are synchronised to the backup over the ICL.',
  params: { ipsec: true, faults: ['icl', 'crash'] },
});
