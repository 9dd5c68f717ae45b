// Reads simulation cases as JSON lines on stdin, in the input format of
// `foyer simulate`, and prints one line per case with the decision of the
// independent evaluator @cloud-copilot/iam-simulate:
//   {"decision": "allow" | "explicit_deny" | "implicit_deny"}  or  {"error": "..."}
import { createInterface } from 'node:readline';
import { runSimulation } from '@cloud-copilot/iam-simulate';

const verdicts = {
  Allowed: 'allow',
  ExplicitlyDenied: 'explicit_deny',
  ImplicitlyDenied: 'implicit_deny',
};

function accountOf(arn) {
  const fields = arn.split(':');
  return fields.length >= 6 ? fields[4] : '';
}

function contextVariables(context) {
  const out = {};
  for (const [key, value] of Object.entries(context ?? {})) {
    out[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return out;
}

function named(policy, name) {
  return { name, policy };
}

function toSimulation(input) {
  const request = input.request;
  const simulation = {
    request: {
      principal: request.principal,
      action: request.action,
      resource: {
        resource: request.resource,
        accountId: accountOf(request.resource) || request.resource_account || '',
      },
      contextVariables: contextVariables(request.context),
    },
    identityPolicies: (input.identity_policies ?? []).map((p, i) => named(p, `identity_policies[${i}]`)),
    serviceControlPolicies: input.management_account
      ? []
      : (input.scps ?? []).map((level, i) => ({
          orgIdentifier: `level-${i}`,
          policies: level.map((p, j) => named(p, `scps[${i}][${j}]`)),
        })),
    resourceControlPolicies: [],
  };
  if (input.resource_policy) simulation.resourcePolicy = input.resource_policy;
  if (input.permission_boundary) {
    simulation.permissionBoundaryPolicies = [named(input.permission_boundary, 'permission_boundary')];
  }
  if (input.session_policy) simulation.sessionPolicy = input.session_policy;
  return simulation;
}

async function decide(line) {
  try {
    const result = await runSimulation(toSimulation(JSON.parse(line)), { simulationMode: 'Strict' });
    if (result.resultType === 'error') return { error: result.errors.message ?? 'invalid simulation' };
    const ignored = result.result?.ignoredContextKeys ?? [];
    return { decision: verdicts[result.overallResult] ?? result.overallResult, ignored_context_keys: ignored };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  process.stdout.write(JSON.stringify(await decide(line)) + '\n');
}
