import { statusFor, STATUS_DESCRIPTION_MAX } from '../../../src/render/markdown/status.js';
import { grant } from '../../helpers/model.js';
import { err, errorsOutcome, facts, outcomeOf, review } from './outcome.js';

const prod = (file: string, extra: Partial<Parameters<typeof grant>[0]> = {}) =>
  grant({ file, ticket: 'INC-7', duration: '3h', resources: ['billing-db-prod'], ...extra });
const staging = (file: string) => grant({ file, resources: ['billing-db-staging'], duration: '4h' });

describe('statusFor', () => {
  test('success: every request approved', () => {
    const s = statusFor(
      outcomeOf(
        [prod('grants/alice-db.yaml'), staging('grants/alice-st.yaml')],
        facts([review('bob', 'APPROVED'), review('carol', 'APPROVED')]),
      ),
    );
    expect(s).toEqual({ state: 'success', description: '2 requests approved' });
  });

  test('success: approved requests and early revocations, or revocations alone', () => {
    expect(statusFor(outcomeOf([staging('grants/a.yaml')], facts([]), ['grants/old.yaml']))).toEqual({
      state: 'success',
      description: '1 request approved, 1 early revocation',
    });
    expect(statusFor(outcomeOf([], facts([]), ['grants/x.yaml', 'grants/y.yaml']))).toEqual({
      state: 'success',
      description: '2 early revocations',
    });
  });

  test('failure: nothing to approve', () => {
    expect(statusFor(outcomeOf([], facts([])))).toMatchObject({
      state: 'failure',
      description: expect.stringMatching(/nothing to approve/),
    });
  });

  test('failure: valid but approvals not checked', () => {
    expect(statusFor(outcomeOf([staging('grants/a.yaml')]))).toMatchObject({
      state: 'failure',
      description: expect.stringMatching(/approvals not checked/),
    });
  });

  test('waiting names the missing rule and the file', () => {
    const s = statusFor(
      outcomeOf([prod('grants/production/alice-db.yaml')], facts([review('bob', 'APPROVED')])),
    );
    expect(s).toEqual({
      state: 'failure',
      description: 'waiting for 1 approval (group:sre) on alice-db.yaml',
    });
  });

  test('waiting on several files counts approvals and files', () => {
    const s = statusFor(
      outcomeOf([prod('grants/a.yaml'), prod('grants/b.yaml')], facts([review('bob', 'APPROVED')])),
    );
    expect(s).toEqual({
      state: 'failure',
      description: 'waiting for 2 approvals on 2 files (a.yaml, b.yaml)',
    });
  });

  test('changes requested names who', () => {
    const s = statusFor(outcomeOf([prod('grants/a.yaml')], facts([review('carol', 'CHANGES_REQUESTED')])));
    expect(s).toEqual({ state: 'failure', description: 'changes requested by carol on a.yaml' });
  });

  test('invalid wins and names the code and the file', () => {
    const s = statusFor(
      outcomeOf(
        [prod('grants/alice-db.yaml', { duration: '12h' }), prod('grants/b.yaml')],
        facts([review('bob', 'APPROVED')]),
      ),
    );
    expect(s).toEqual({ state: 'failure', description: 'invalid: duration-exceeds-max in alice-db.yaml' });
  });

  test('invalid on several files', () => {
    const s = statusFor(
      errorsOutcome({
        'grants/a.yaml': [err('grants/a.yaml', 'schema'), err('grants/a.yaml', 'schema')],
        'grants/b.yaml': [err('grants/b.yaml', 'yaml-syntax')],
      }),
    );
    expect(s).toEqual({
      state: 'failure',
      description: 'invalid: 3 errors in 2 files (schema in a.yaml, yaml-syntax in b.yaml)',
    });
  });

  test('never longer than 140 characters, whatever the names', () => {
    const long = (i: number) => `grants/${'x'.repeat(90)}-${i}.yaml`;
    const cases = [
      errorsOutcome(
        Object.fromEntries(Array.from({ length: 50 }, (_, i) => [long(i), [err(long(i), 'schema')]])),
      ),
      errorsOutcome({
        [long(1)]: [
          'schema',
          'yaml-syntax',
          'duplicate-key',
          'invalid-filename',
          'not-a-file',
          'file-too-large',
          'encoding',
        ].map((c) => err(long(1), c as 'schema')),
      }),
      outcomeOf(
        Array.from({ length: 30 }, (_, i) => prod(long(i))),
        facts([]),
      ),
      outcomeOf(
        [prod(long(1))],
        facts([
          review('bob', 'CHANGES_REQUESTED'),
          review('carol', 'CHANGES_REQUESTED'),
          review('erin', 'CHANGES_REQUESTED'),
        ]),
      ),
      outcomeOf([prod(`grants/${'y'.repeat(300)}.yaml`)], facts([])),
      outcomeOf(
        Array.from({ length: 30 }, (_, i) => staging(long(i))),
        facts([]),
        Array.from({ length: 30 }, (_, i) => `grants/old-${i}.yaml`),
      ),
    ];
    for (const c of cases) {
      const s = statusFor(c);
      expect(s.description.length).toBeLessThanOrEqual(STATUS_DESCRIPTION_MAX);
      expect(s.description).not.toMatch(/\n/);
    }
    expect(statusFor(cases[0]!).description).toMatch(
      /^invalid: 50 errors in 50 files \(schema in x+…, \+49 more\)$/,
    );
  });
});
