import { useState } from 'react';
import { useSession } from '../session';

/** The state of an in-page sign-in form (apply, my benefits): phone and password, a failure flag, busy while it runs. */
export function usePortalSignIn(onSignedIn: () => void) {
  const { login } = useSession();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await login(phone.trim(), password);
      onSignedIn();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return { phone, setPhone, password, setPassword, failed, busy, submit };
}
