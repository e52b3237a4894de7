"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Profile } from "@/lib/config/profile";
import type { PresetList } from "@/lib/config/presets";
import {
  ACTIVE_PROFILE_KEY,
  TOKEN_STORAGE_KEY,
  readTokenStorageChoice,
  upsertProfile,
  writeProfiles,
  type StoredProfiles,
  type TokenStorageChoice,
} from "@/lib/config/profile-store";

interface ProfilesState {
  /** False until presets and saved profiles are read: nothing Amplify-related renders before. */
  ready: boolean;
  profiles: Profile[];
  active: Profile | undefined;
  /** Changes whenever Amplify is re-configured; views key on it to start fresh. */
  configuration: string;
  warnings: string[];
  rejected: StoredProfiles["rejected"];
  tokenStorage: TokenStorageChoice;
  selectProfile(id: string): void;
  saveProfile(profile: Profile): void;
  deleteProfile(id: string): void;
  setTokenStorage(choice: TokenStorageChoice): void;
}

const ProfilesContext = createContext<ProfilesState | null>(null);

export function useProfiles(): ProfilesState {
  const state = useContext(ProfilesContext);
  if (!state) throw new Error("useProfiles must be used inside <ProfilesProvider>");
  return state;
}

export function ProfilesProvider({ children }: { children: ReactNode }) {
  const [presets, setPresets] = useState<PresetList | null>(null);
  // null until read: validating them needs zod, loaded after first paint rather than with every page.
  const [saved, setSaved] = useState<StoredProfiles | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [tokenStorage, setTokenStorageState] = useState<TokenStorageChoice>("session");
  const [configuration, setConfiguration] = useState("");

  useEffect(() => {
    let current = true;
    // Fetched now, alongside the presets, so configuring Amplify does not wait for a download.
    void import("./configure-amplify");
    void import("@/lib/config/read-profiles").then(({ readProfiles }) => {
      if (current) setSaved(readProfiles(window.localStorage));
    });
    setActiveId(window.localStorage.getItem(ACTIVE_PROFILE_KEY));
    setTokenStorageState(readTokenStorageChoice(window.localStorage));
    const controller = new AbortController();
    fetch("/api/presets", { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        setPresets((await response.json()) as PresetList);
      })
      .catch((error: Error) => {
        if (error.name === "AbortError") return;
        setPresets({ profiles: [], warnings: [`Preset environments could not be loaded: ${error.message}`] });
      });
    return () => {
      current = false;
      controller.abort();
    };
  }, []);

  // Remembered for the proxy, which widens the next pages' connect-src to these environments' regions.
  useEffect(() => {
    if (!saved) return;
    void import("./remember-regions").then(({ rememberProfileRegions }) => rememberProfileRegions(saved.profiles));
  }, [saved]);

  const profiles = useMemo(() => [...(presets?.profiles ?? []), ...(saved?.profiles ?? [])], [presets, saved]);
  // Until both lists are in, a saved active profile would look missing and the default would be
  // configured for a moment; nothing is chosen before then.
  const loaded = presets !== null && saved !== null;
  const active = loaded
    ? (profiles.find((p) => p.id === activeId) ?? profiles.find((p) => p.id === presets?.defaultProfileId) ?? profiles[0])
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

  const selectProfile = useCallback((id: string) => {
    window.localStorage.setItem(ACTIVE_PROFILE_KEY, id);
    setActiveId(id);
  }, []);

  const saveProfile = useCallback((profile: Profile) => {
    setSaved((current) => {
      const next = upsertProfile(current?.profiles ?? [], { ...profile, source: "user" });
      writeProfiles(window.localStorage, next);
      return { rejected: current?.rejected ?? [], profiles: next };
    });
  }, []);

  const deleteProfile = useCallback((id: string) => {
    setSaved((current) => {
      const next = (current?.profiles ?? []).filter((p) => p.id !== id);
      writeProfiles(window.localStorage, next);
      return { rejected: current?.rejected ?? [], profiles: next };
    });
  }, []);

  const setTokenStorage = useCallback((choice: TokenStorageChoice) => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, choice);
    setTokenStorageState(choice);
  }, []);

  const value: ProfilesState = {
    ready: loaded && (active === undefined || configuration.startsWith(`${active.id}:${tokenStorage}:`)),
    profiles,
    active,
    configuration,
    warnings: presets?.warnings ?? [],
    rejected: saved?.rejected ?? [],
    tokenStorage,
    selectProfile,
    saveProfile,
    deleteProfile,
    setTokenStorage,
  };
  return <ProfilesContext.Provider value={value}>{children}</ProfilesContext.Provider>;
}
