import { useState, type FormEvent } from "react";
import { api, ApiError } from "../api/client";
import { session, type Role } from "./session";

interface Me {
  id: string;
  name: string;
  role: Role;
}

/** Asks for an API key, checks it against /api/me and keeps it for this browser session. */
export function SignIn() {
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    sessionStorage.setItem("elsaflow.key", key.trim());
    try {
      const me = await api.get<Me>("/me");
      session.signIn(key.trim(), me.role, me.name);
    } catch (err) {
      sessionStorage.removeItem("elsaflow.key");
      setError(err instanceof ApiError && err.status === 401 ? "This API key is not known to the server." : String((err as Error).message));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-label="Sign in">
        <h1>ElsaFlow Studio</h1>
        <p>Sign in with an API key. The server prints the first admin key when it starts for the first time.</p>
        <label>
          API key
          <input type="password" name="apiKey" autoFocus autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={busy || key.trim() === ""}>
          Sign in
        </button>
      </form>
    </main>
  );
}
