// An Angular page using the elements with CUSTOM_ELEMENTS_SCHEMA. Compiled just in
// time in the browser (@angular/compiler), which needs no Angular CLI here; an
// application built with the CLI uses the very same component.
import '@angular/compiler';
import { ApplicationRef, CUSTOM_ELEMENTS_SCHEMA, Component, computed, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import 'franceconnect-elements';
import type { FcIdentity } from 'franceconnect-elements/define/fc-profile-form.js';
import type { FcActivateDetail } from 'franceconnect-elements/define/fc-button.js';

export interface AngularHandlers {
  onActivate: (detail: FcActivateDetail) => void;
  onProfileChange: (event: Event) => void;
  onSubmitted: (data: FormData) => void;
}

let handlers: AngularHandlers;

@Component({
  selector: 'fc-angular-demo',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <fc-login-block
      id="ng-block"
      [theme]="theme()"
      [plus]="plus()"
      [provider]="provider()"
      [disabled]="disabled()"
      [variant]="variant()"
      [href]="href()"
      (fc-activate)="activate($event)"
    >
      <a href="/inscription">Créer mon compte</a>
    </fc-login-block>
    <fc-button id="ng-button" [theme]="theme()" [plus]="plus()" [provider]="provider()" [disabled]="disabled()" [variant]="variant()" [href]="href()"></fc-button>
    <!-- The same state through attribute bindings. -->
    <fc-button
      id="ng-button-attr"
      [attr.theme]="theme()"
      [attr.plus]="plus() ? '' : null"
      [attr.provider]="provider()"
      [attr.disabled]="disabled() ? '' : null"
      [attr.variant]="variant()"
      [attr.href]="href()"
    ></fc-button>
    <fc-login-block
      id="ng-block-attr"
      [attr.theme]="theme()"
      [attr.plus]="plus() ? '' : null"
      [attr.provider]="provider()"
      [attr.disabled]="disabled() ? '' : null"
      [attr.variant]="variant()"
      [attr.href]="href()"
    ></fc-login-block>
    <form id="ng-form" (submit)="submit($event)">
      <fc-profile-form id="ng-profile" [identity]="identity()" [theme]="theme()" (change)="change($event)"></fc-profile-form>
      <button type="submit">Enregistrer</button>
    </form>
    <fc-profile-form id="ng-profile-attr" [attr.identity]="identityJson()" [theme]="theme()"></fc-profile-form>
  `,
})
export class FcAngularDemo {
  readonly theme = signal<'light' | 'dark'>('light');
  readonly plus = signal(false);
  readonly provider = signal<'franceconnect' | 'proconnect'>('franceconnect');
  readonly identity = signal<FcIdentity | null>(null);
  readonly disabled = signal(false);
  readonly variant = signal<'login' | 'data'>('login');
  readonly href = signal('/auth');
  readonly identityJson = computed(() => {
    const identity = this.identity();
    return identity ? JSON.stringify(identity) : null;
  });

  activate(event: Event) {
    event.preventDefault();
    handlers.onActivate((event as CustomEvent<FcActivateDetail>).detail);
  }

  change(event: Event) {
    handlers.onProfileChange(event);
  }

  submit(event: Event) {
    event.preventDefault();
    handlers.onSubmitted(new FormData(event.target as HTMLFormElement));
  }
}

/** Boots the component into `container`; returns it, to drive its signals. */
export async function mountAngular(container: HTMLElement, identity: FcIdentity, on: AngularHandlers) {
  handlers = on;
  container.append(document.createElement('fc-angular-demo'));
  const app = await bootstrapApplication(FcAngularDemo);
  const demo = app.components[0].instance as FcAngularDemo;
  demo.identity.set(identity);
  const settle = async () => {
    app.injector.get(ApplicationRef).tick();
    await app.whenStable();
  };
  await settle();
  return { demo, settle, destroy: () => app.destroy() };
}
