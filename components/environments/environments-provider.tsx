"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Environment } from "@/lib/config/environment";
import type { PresetList } from "@/lib/config/presets";
import {
  ACTIVE_ENVIRONMENT_KEY,
  TOKEN_STORAGE_KEY,
  readTokenStorageChoice,
  upsertEnvironment,
  writeEnvironments,
  type StoredEnvironments,
  type TokenStorageChoice,
} from "@/lib/config/environment-store";

interface EnvironmentsState {
  /** False until presets and saved environments are read: nothing Amplify-related renders before. */
  ready: boolean;
  environments: Environment[];
  active: Environment | undefined;
  /** Changes whenever Amplify is re-configured; views key on it to start fresh. */
  configuration: string;
  warnings: string[];
  rejected: StoredEnvironments["rejected"];
  tokenStorage: TokenStorageChoice;
  selectEnvironment(id: string): void;
  saveEnvironment(environment: Environment): void;
  deleteEnvironment(id: string): void;
  setTokenStorage(choice: TokenStorageChoice): void;
}

const EnvironmentsContext = createContext<EnvironmentsState | null>(null);

export function useEnvironments(): EnvironmentsState {
  const state = useContext(EnvironmentsContext);
  if (!state) throw new Error("useEnvironments must be used inside <EnvironmentsProvider>");
  return state;
}

/** The active environment, or undefined — also outside a provider (views rendered on their own). */
export function useActiveEnvironment(): Environment | undefined {
  return useContext(EnvironmentsContext)?.active;
}

export function EnvironmentsProvider({ children }: { children: ReactNode }) {
  const [presets, setPresets] = useState<PresetList | null>(null);
  // null until read: validating them needs zod, loaded after first paint rather than with every page.
  const [saved, setSaved] = useState<StoredEnvironments | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [tokenStorage, setTokenStorageState] = useState<TokenStorageChoice>("session");
  const [configuration, setConfiguration] = useState("");

  useEffect(() => {
    let current = true;
    // Fetched now, alongside the presets, so configuring Amplify does not wait for a download.
    void import("./configure-amplify");
    void import("@/lib/config/read-environments").then(({ readEnvironments }) => {
      if (current) setSaved(readEnvironments(window.localStorage));
    });
    setActiveId(window.localStorage.getItem(ACTIVE_ENVIRONMENT_KEY));
    setTokenStorageState(readTokenStorageChoice(window.localStorage));
    const controller = new AbortController();
    fetch("/api/presets", { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        setPresets((await response.json()) as PresetList);
      })
      .catch((error: Error) => {
        if (error.name === "AbortError") return;
        setPresets({ environments: [], warnings: [`Preset environments could not be loaded: ${error.message}`] });
      });
    return () => {
      current = false;
      controller.abort();
    };
  }, []);

  // Remembered for the proxy, which widens the next pages' connect-src to these environments' regions.
  useEffect(() => {
    if (!saved) return;
    void import("./remember-regions").then(({ rememberEnvironmentRegions }) => rememberEnvironmentRegions(saved.environments));
  }, [saved]);

  const environments = useMemo(() => [...(presets?.environments ?? []), ...(saved?.environments ?? [])], [presets, saved]);
  // Until both lists are in, a saved active environment would look missing and the default would be
  // configured for a moment; nothing is chosen before then.
  const loaded = presets !== null && saved !== null;
  const active = loaded
    ? (environments.find((p) => p.id === activeId) ?? environments.find((p) => p.id === presets?.defaultEnvironmentId) ?? environments[0])
    : undefined;

  // Re-configure only when what Amplify sees changes, not on every render.
  const activeKey = active ? JSON.stringify(active) : "";
  useEffect(() => {
    if (!active) return;
    let current = true;
    // Loaded on demand: pages that never talk to Cognito do not pay for aws-amplify.
    void import("./configure-amplify").then(({ configureAmplify }) => {
      if (!current) return;
      configureAmplify(active, tokenStorage);
      setConfiguration(`${active.id}:${tokenStorage}:${Date.now()}`);
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- activeKey stands for active
  }, [activeKey, tokenStorage]);

  const selectEnvironment = useCallback((id: string) => {
    window.localStorage.setItem(ACTIVE_ENVIRONMENT_KEY, id);
    setActiveId(id);
  }, []);

  const saveEnvironment = useCallback((environment: Environment) => {
    setSaved((current) => {
      const next = upsertEnvironment(current?.environments ?? [], { ...environment, source: "user" });
      writeEnvironments(window.localStorage, next);
      return { rejected: current?.rejected ?? [], environments: next };
    });
  }, []);

  const deleteEnvironment = useCallback((id: string) => {
    setSaved((current) => {
      const next = (current?.environments ?? []).filter((p) => p.id !== id);
      writeEnvironments(window.localStorage, next);
      return { rejected: current?.rejected ?? [], environments: next };
    });
  }, []);

  const setTokenStorage = useCallback((choice: TokenStorageChoice) => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, choice);
    setTokenStorageState(choice);
  }, []);

  const value: EnvironmentsState = {
    ready: loaded && (active === undefined || configuration.startsWith(`${active.id}:${tokenStorage}:`)),
    environments,
    active,
    configuration,
    warnings: presets?.warnings ?? [],
    rejected: saved?.rejected ?? [],
    tokenStorage,
    selectEnvironment,
    saveEnvironment,
    deleteEnvironment,
    setTokenStorage,
  };
  return <EnvironmentsContext.Provider value={value}>{children}</EnvironmentsContext.Provider>;
}
