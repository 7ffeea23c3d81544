/**
 * Borg's pending questions (and security warnings) per repository, as the core keeps them. Changes
 * (asked, answered, made moot by a good run) arrive as `questions:changed`.
 */
import { create } from 'zustand';
import type { PendingQuestion } from '../../src-main/model/question.js';
import { getApi } from '../api/select-client.js';
import { toErrorInfo, type ErrorInfo } from '../lib/error-info.js';

/** Questions state and its actions. */
export interface QuestionsState {
  readonly questions: readonly PendingQuestion[];
  readonly error?: ErrorInfo;
  /** Loads every pending question. */
  load(): Promise<void>;
  setQuestions(questions: readonly PendingQuestion[]): void;
}

/** The questions store. */
export const useQuestionsStore = create<QuestionsState>()((set) => ({
  questions: [],

  async load() {
    try {
      set({ questions: await getApi().invoke('questions:list', {}), error: undefined });
    } catch (error) {
      set({ error: toErrorInfo(error, "Borg's pending questions could not be loaded.") });
    }
  },

  setQuestions(questions) {
    set({ questions, error: undefined });
  },
}));
