/** The signed-in API key and its role, kept in sessionStorage so a closed tab signs out. */
export type Role = "admin" | "operator" | "viewer";

const KeyItem = "elsaflow.key";
const RoleItem = "elsaflow.role";
const NameItem = "elsaflow.name";
const listeners = new Set<() => void>();

export const session = {
  key: () => sessionStorage.getItem(KeyItem),
  role: () => sessionStorage.getItem(RoleItem) as Role | null,
  name: () => sessionStorage.getItem(NameItem),
  canEdit: () => {
    const role = sessionStorage.getItem(RoleItem);
    return role === "admin" || role === "operator";
  },
  signIn(key: string, role: Role, name: string) {
    sessionStorage.setItem(KeyItem, key);
    sessionStorage.setItem(RoleItem, role);
    sessionStorage.setItem(NameItem, name);
    listeners.forEach((l) => l());
  },
  signOut() {
    sessionStorage.removeItem(KeyItem);
    sessionStorage.removeItem(RoleItem);
    sessionStorage.removeItem(NameItem);
    listeners.forEach((l) => l());
  },
  /** The server answered 401: the key was deleted or is wrong, so ask for one again. */
  expired() {
    if (sessionStorage.getItem(KeyItem)) session.signOut();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
