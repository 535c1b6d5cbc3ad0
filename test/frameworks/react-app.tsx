// A React 19 page: the wrappers and the bare tags side by side.
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { FcAccount, FcButton, FcLoginBlock, FcProfileForm, FcSeparator } from 'franceconnect-elements/react/index.js';
import type { FcIdentity } from 'franceconnect-elements/define/fc-profile-form.js';
import type { FcActivateDetail } from 'franceconnect-elements/define/fc-button.js';

export interface DemoProps {
  variant: 'login' | 'data';
  theme: 'light' | 'dark';
  identity: FcIdentity | null;
  /** Bound as properties, as React 19 and @lit/react do; `/auth` when absent. */
  href?: string;
  disabled?: boolean;
  plus?: boolean;
  provider?: 'franceconnect' | 'proconnect';
  onActivate: (source: string, detail: FcActivateDetail) => void;
  onSubmit: (data: FormData) => void;
  onProfileChange: (event: Event) => void;
}

function Demo(props: DemoProps) {
  const activate = (source: string) => (event: CustomEvent<FcActivateDetail>) => {
    event.preventDefault();
    props.onActivate(source, event.detail);
  };
  const { variant, theme, disabled = false, plus = false, provider = 'franceconnect' } = props;
  const href = props.href ?? '/auth';
  return (
    <div>
      <header>
        <FcAccount id="wrapped-account" identity={props.identity} theme={props.theme} profileHref="/profil" logoutHref="/logout" />
        <fc-account id="bare-account" identity={props.identity} theme={props.theme} profile-href="/profil" logout-href="/logout" />
      </header>
      <FcButton
        id="wrapped-button"
        {...{ variant, theme, href, disabled, plus, provider }}
        onFcActivate={activate('wrapped-button')}
      />
      <fc-button id="bare-button" {...{ variant, theme, href, disabled, plus, provider }} onfc-activate={activate('bare-button')} />
      <FcLoginBlock
        id="wrapped-block"
        section="inscription"
        {...{ variant, theme, href, disabled, plus, provider }}
        onFcActivate={activate('wrapped-block')}
      >
        <a href="/inscription">Créer mon compte</a>
      </FcLoginBlock>
      <fc-login-block id="bare-block" section="connexion" {...{ variant, theme, href, disabled, plus, provider }}>
        <a href="/inscription">Créer mon compte</a>
      </fc-login-block>
      <FcSeparator id="wrapped-separator" label="ou bien" />
      <fc-separator id="bare-separator" label="ou encore" />
      <form
        id="react-form"
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit(new FormData(event.currentTarget));
        }}
      >
        <FcProfileForm id="wrapped-profile" identity={props.identity} theme={props.theme} onChange={props.onProfileChange} />
        <button type="submit">Enregistrer</button>
      </form>
      <fc-profile-form id="bare-profile" identity={props.identity} theme={props.theme} />
    </div>
  );
}

/** Mounts the page in `container`; `update` re-renders synchronously with new props. */
export function mountReact(container: HTMLElement, props: DemoProps) {
  const root = createRoot(container);
  const update = (next: DemoProps) => flushSync(() => root.render(<Demo {...next} />));
  update(props);
  return { update, unmount: () => root.unmount() };
}
