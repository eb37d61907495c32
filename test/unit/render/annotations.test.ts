import { ANNOTATION_LIMIT, annotationsFor } from '../../../src/render/markdown/annotations.js';
import { grant } from '../../helpers/model.js';
import { err, errorsOutcome, facts, outcomeOf, review } from './outcome.js';

/** `n` errors spread over files of 4 errors each. */
function withErrors(n: number) {
  const byFile: Record<string, ReturnType<typeof err>[]> = {};
  for (let i = 0; i < n; i++) {
    const file = `grants/f${Math.floor(i / 4)}.yaml`;
    (byFile[file] ??= []).push(err(file, 'schema', i + 2, 3, `error number ${i}`));
  }
  return errorsOutcome(byFile);
}

describe('annotationsFor', () => {
  test('1 error: one annotation at its file, line and column', () => {
    expect(annotationsFor(withErrors(1))).toEqual([
      {
        file: 'grants/f0.yaml',
        line: 2,
        column: 3,
        title: 'gitgrant: schema',
        message: 'error number 0',
        level: 'error',
      },
    ]);
  });

  test('10 errors: all ten, none aggregated', () => {
    const a = annotationsFor(withErrors(10));
    expect(a).toHaveLength(10);
    expect(a.map((x) => x.message)).toEqual(Array.from({ length: 10 }, (_, i) => `error number ${i}`));
  });

  test('11 errors: nine, then one for the other two', () => {
    const a = annotationsFor(withErrors(11));
    expect(a).toHaveLength(ANNOTATION_LIMIT);
    expect(a.slice(0, 9).map((x) => x.message)).toEqual(
      Array.from({ length: 9 }, (_, i) => `error number ${i}`),
    );
    expect(a[9]).toMatchObject({
      file: 'grants/f2.yaml',
      level: 'error',
      message: 'and 2 more errors in 1 file: see the job summary',
    });
  });

  test('50 errors: nine, then one for the other 41 in their files', () => {
    const a = annotationsFor(withErrors(50));
    expect(a).toHaveLength(ANNOTATION_LIMIT);
    // errors 9..49 live in files f2..f12: 11 files
    expect(a[9]!.message).toBe('and 41 more errors in 11 files: see the job summary');
    expect(a[9]!.title).toBe('gitgrant: 41 more');
  });

  test('missing approvals are warnings, after errors', () => {
    const outcome = outcomeOf(
      [
        grant({ file: 'grants/a.yaml', ticket: 'INC-7', resources: ['billing-db-prod'] }),
        grant({ file: 'grants/b.yaml', ticket: 'INC-7', resources: ['billing-db-prod'], duration: '12h' }),
      ],
      facts([review('bob', 'APPROVED')]),
    );
    const a = annotationsFor(outcome);
    expect(a.map((x) => [x.file, x.title, x.level])).toEqual([
      ['grants/b.yaml', 'gitgrant: duration-exceeds-max', 'error'],
      ['grants/a.yaml', 'gitgrant: approval-missing', 'warning'],
      ['grants/b.yaml', 'gitgrant: approval-missing', 'warning'],
    ]);
  });

  test('an aggregate of warnings only is a warning; messages are one line', () => {
    const byFile: Record<string, ReturnType<typeof err>[]> = {};
    for (let i = 0; i < 12; i++)
      byFile[`grants/w${i}.yaml`] = [err(`grants/w${i}.yaml`, 'approval-missing', 1, 1, 'needs\nbob')];
    const a = annotationsFor(errorsOutcome(byFile));
    expect(a).toHaveLength(10);
    expect(a[0]!.message).toBe('needs bob');
    expect(a[9]).toMatchObject({
      level: 'warning',
      message: 'and 3 more warnings in 3 files: see the job summary',
    });
  });

  test('no errors: no annotations', () => {
    expect(annotationsFor(errorsOutcome({ 'grants/a.yaml': [] }))).toEqual([]);
  });
});
