/** The analyzer the QA tests run: the engine's real `analyzeConversation`, loaded the way workers load it. */
import { DEFAULT_ANALYZER } from '../../../src/qa/run.ts';
import type { AnalyzeConversation, AnalyzerSpec } from '../../../src/qa/types.ts';

export const analyzerSpec: AnalyzerSpec = DEFAULT_ANALYZER;

export async function loadAnalyzer(): Promise<AnalyzeConversation> {
  return ((await import(analyzerSpec.module)) as Record<string, AnalyzeConversation>)[analyzerSpec.exportName];
}
