import type { PairSnapshot } from "@/lib/archive/edit-pair";
import type { ConferenceSnapshot } from "@/lib/archive/edit-conference";

export type LastEdit = { userName: string | null; at: string } | null;

/** What an editing server action hands back to its form. */
export type EditFormState<TSnapshot> =
  | { status: "idle" }
  | { status: "saved"; message: string; version: number; seq: number }
  | { status: "error"; message: string; seq: number; values?: TSnapshot; version?: number }
  | {
      status: "conflict";
      message: string;
      seq: number;
      /** what is stored now (the other editor's save) */
      current: TSnapshot;
      currentVersion: number;
      lastEdit: LastEdit;
      /** what this editor submitted, kept so nothing typed is lost */
      values: TSnapshot;
    };

export type PairFormState = EditFormState<PairSnapshot>;
export type ConferenceFormState = EditFormState<ConferenceSnapshot>;

export type StatusFormState = { status: "idle" } | { status: "done" | "error"; message: string; seq: number };

export type UserAdminState = { status: "idle" } | { status: "done" | "error"; message: string; seq: number; temporaryPassword?: string; email?: string };
