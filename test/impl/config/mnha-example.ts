/**
 * The example configuration of MNHA.md section 9, verbatim, and completed
 * for both nodes (the completion adds what the example leaves out: the HA
 * link VPN's gateway and the floating IP on lo0; n2 mirrors n1's ids and
 * has a lower priority).
 */

/** MNHA.md section 9, as written (13 lines). */
export const MNHA_EXAMPLE_VERBATIM: readonly string[] = [
  'set chassis high-availability local-id 1',
  'set chassis high-availability peer-id 2 peer-ip 10.0.0.2',
  'set chassis high-availability peer-id 2 vpn-profile L3HA_IPSEC_VPN',
  'set chassis high-availability services-redundancy-group 0 peer-id 2',
  'set chassis high-availability services-redundancy-group 1 peer-id 2',
  'set chassis high-availability services-redundancy-group 1 activeness-priority 200',
  'set chassis high-availability services-redundancy-group 1 preemption',
  'set chassis high-availability services-redundancy-group 1 activeness-probe dest-ip 192.0.2.1 src-ip 198.51.100.10',
  'set chassis high-availability services-redundancy-group 1 active-signal-route 10.39.1.1',
  'set chassis high-availability services-redundancy-group 1 backup-signal-route 10.39.1.2',
  'set chassis high-availability services-redundancy-group 0 shutdown-on-failure ge-0/0/3',
  'set security ike gateway ICL_GW version v2-only',
  'set security ipsec vpn L3HA_IPSEC_VPN ha-link-encryption',
];

/** The completion: lines 14 and 15. */
const COMPLETION: readonly string[] = [
  'set security ipsec vpn L3HA_IPSEC_VPN ike gateway ICL_GW',
  'set interfaces lo0 unit 0 family inet address 198.51.100.10/32',
];

/** Node n1: the example plus its completion (15 lines). */
export const MNHA_EXAMPLE_N1: readonly string[] = [...MNHA_EXAMPLE_VERBATIM, ...COMPLETION];

/** Node n2: the same with the ids swapped, peer-ip toward n1 and activeness-priority 100. */
export const MNHA_EXAMPLE_N2: readonly string[] = MNHA_EXAMPLE_N1.map((line) =>
  line
    .replace('local-id 1', 'local-id 2')
    .replace(/peer-id 2/g, 'peer-id 1')
    .replace('peer-ip 10.0.0.2', 'peer-ip 10.0.0.1')
    .replace('activeness-priority 200', 'activeness-priority 100'),
);

/**
 * n1's lines with edits: `replace` maps a 1-based line number to new text
 * (null deletes it, keeping later lines' numbers shifted), `append` adds
 * lines at the end.
 */
export function n1With(replace: Readonly<Record<number, string | null>> = {}, append: readonly string[] = []): string[] {
  const lines: string[] = [];
  MNHA_EXAMPLE_N1.forEach((line, index) => {
    const edit = replace[index + 1];
    if (edit === undefined) lines.push(line);
    else if (edit !== null) lines.push(edit);
  });
  return [...lines, ...append];
}
