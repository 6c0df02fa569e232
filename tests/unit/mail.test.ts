import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeHtml, html } from '../../functions/src/domain/mail/html';
import { renderMail } from '../../functions/src/domain/mail/render';

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('mail templates', () => {
  test('verify-email: French, with the code in both parts and the first name', () => {
    const mail = renderMail('verify-email', { code: '123456', givenName: 'Aline' });
    assert.equal(mail.subject, 'Coopol : votre code de vérification');
    assert.match(mail.text, /Bonjour Aline,/);
    assert.match(mail.text, /123456/);
    assert.match(mail.text, /terminer votre inscription/);
    assert.match(mail.html, /<html lang="fr">/);
    assert.match(mail.html, /<h1[^>]*>Confirmez votre adresse e-mail<\/h1>/);
    assert.match(mail.html, />123456</);
    assert.match(mail.html, />Coopol</, 'the Coopol header');
  });

  test('reset-password: French, with the code', () => {
    const mail = renderMail('reset-password', { code: '654321' });
    assert.equal(mail.subject, 'Coopol : réinitialisation de votre mot de passe');
    assert.match(mail.text, /^Bonjour,$/m, 'no name: a plain greeting');
    assert.match(mail.text, /654321/);
    assert.match(mail.html, />654321</);
    assert.match(mail.html, /mot de passe reste inchangé/);
  });

  test("Cognito's {####} placeholder appears exactly once in the HTML, unescaped, within Cognito's size limit", () => {
    // Only the reset mail is Cognito's (CustomMessage); the sign-up code mail is sent by the mail module.
    for (const template of ['reset-password'] as const) {
      const mail = renderMail(template, { code: '{####}', givenName: 'Aline' });
      // cognito-local replaces the first occurrence only; AWS needs at least one.
      assert.equal(count(mail.html, '{####}'), 1, template);
      // CustomMessage's emailMessage may be at most 20,000 characters.
      assert.ok(mail.html.length < 20_000, `${template}: ${mail.html.length} characters`);
    }
  });

  test('a name typed by someone never becomes markup', () => {
    const givenName = '<script>alert("x")</script><img src=x onerror=alert(1)> & Cie';
    const mail = renderMail('verify-email', { code: '123456', givenName });
    assert.doesNotMatch(mail.html, /<script|<img/);
    assert.match(mail.html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&lt;img src=x onerror=alert\(1\)&gt; &amp; Cie/);
    // The plain-text part keeps the name as typed.
    assert.ok(mail.text.includes(`Bonjour ${givenName},`));
  });

  test('sign-up-already: tells the owner nothing changed, with the sign-in and reset links, no code', () => {
    const mail = renderMail('sign-up-already', { signInUrl: 'https://coopol.example/connexion', forgotPasswordUrl: 'https://coopol.example/mot-de-passe-oublie' });
    assert.equal(mail.subject, 'Coopol : vous avez déjà un compte');
    assert.match(mail.text, /rien n’a changé/);
    assert.match(mail.html, /href="https:\/\/coopol\.example\/connexion"/);
    assert.match(mail.html, /href="https:\/\/coopol\.example\/mot-de-passe-oublie"/);
    assert.doesNotMatch(mail.text, /\b\d{6}\b/);
  });

  test('html escapes every interpolated value but keeps nested fragments as markup', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const item = (name: string) => html`<li>${name}</li>`;
    const list = html`<ul>${['<b>', 'Zoé'].map(item)}${null}${false}${undefined}${42}</ul>`;
    assert.equal(list.value, '<ul><li>&lt;b&gt;</li><li>Zoé</li>42</ul>');
  });
  test('mail to many is a party’s mail: the party and its address, a person’s signature, the action’s slots one link each', () => {
    const slots = Array.from({ length: 10 }, (_, i) => ({ label: `sam. 17 mai, ${9 + i} h – ${10 + i} h`, url: `https://coopol.example/evenements/e1?creneau=s${i}#creneau-s${i}` }));
    const announcement = renderMail('event-announcement', {
      givenName: 'Aline', title: 'Porte-à-porte', spaceLabel: 'Section de Mulhouse', organizerName: 'Jeanne Martin', when: 'samedi 17 mai à 9 h', address: 'Place de la Réunion',
      url: 'https://coopol.example/evenements/e1', kindLabel: 'Porte-à-porte', description: '', slots, unsubscribeUrl: 'https://coopol.example/u', preferencesUrl: 'https://coopol.example/p',
    });
    assert.match(announcement.text, /^Jeanne Martin, pour Section de Mulhouse$/m);
    assert.match(announcement.text, /^Coopol est le réseau de Parti de démonstration · 1 place de l’Exemple/m);
    // Eight slots listed, each a link to its own sign-up; the others are on the action's page.
    assert.equal(count(announcement.html, 'creneau=s'), 8);
    assert.match(announcement.html, /<a href="https:\/\/coopol\.example\/evenements\/e1\?creneau=s0#creneau-s0"[^>]*>Je viens sam\. 17 mai, 9 h – 10 h<\/a>/);
    assert.match(announcement.text, /Et 2 autres créneaux sur la page de l’action\./);
    assert.match(announcement.html, /href="https:\/\/coopol\.example\/p"[^>]*>mes préférences/);
    const none = renderMail('event-announcement', { ...{ givenName: 'Aline', title: 'Réunion', spaceLabel: 'Section de Mulhouse', organizerName: 'Jeanne Martin', when: 'jeudi', address: 'Local', url: 'https://coopol.example/e', kindLabel: 'Réunion', description: '', unsubscribeUrl: 'u', preferencesUrl: 'p' }, slots: [] });
    assert.doesNotMatch(none.text, /créneau/);
    assert.match(none.text, /Voir l’événement et s’inscrire/);

    const launch = renderMail('wave-launch', { communeName: 'Nantes', federationName: 'Fédération de Loire-Atlantique', kind: 'supporter', signUpUrl: 's', unsubscribeUrl: 'u', manageUrl: 'm', signedBy: 'Camille Durand' });
    assert.match(launch.text, /^Camille Durand, pour l’équipe nationale de Parti de démonstration$/m);
    assert.match(launch.text, /^Coopol est le réseau de Parti de démonstration · /m);
    const unsigned = renderMail('wave-launch', { communeName: 'Nantes', federationName: 'Fédération de Loire-Atlantique', kind: 'supporter', signUpUrl: 's', unsubscribeUrl: 'u', manageUrl: 'm' });
    assert.match(unsigned.text, /^L’équipe nationale de Parti de démonstration$/m);
  });
  test('a message to members keeps the posts’ formatting, safely: bold, lists and links as markup, anything typed as HTML as text', () => {
    const mail = renderMail('space-message', {
      givenName: 'Aline', subject: 'Rentrée', spaceLabel: 'Section de Mulhouse', authorName: 'Jeanne Martin', unsubscribeUrl: 'https://coopol.example/u', preferencesUrl: 'https://coopol.example/p',
      text: 'Au programme :\n- la **rentrée**\n- [le tract](https://coopol.example/tract)\n\n<img src=x onerror=alert(1)> et javascript:alert(1)',
    });
    assert.match(mail.html, /<strong>rentrée<\/strong>/);
    assert.match(mail.html, /<ul style="[^"]+"><li>la <strong>rentrée<\/strong><\/li><li><a style="[^"]+" href="https:\/\/coopol\.example\/tract"/);
    assert.doesNotMatch(mail.html, /<img|<script/);
    assert.match(mail.html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(mail.text, /^- la \*\*rentrée\*\*$/m, 'the text part is the source as typed');
  });
});
