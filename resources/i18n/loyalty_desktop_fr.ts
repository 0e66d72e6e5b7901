<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name />
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="114" />
        <source>{platform} refused the API key: it is wrong, revoked or for another account. Paste the key again or create a new one.</source>
        <translation>{platform} a refusé la clé d'API : elle est erronée, révoquée ou appartient à un autre compte. Collez-la de nouveau ou créez-en une autre.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="117" />
        <source>The {platform} key works but lacks access. Create a key with these scopes: {scopes}.</source>
        <translation>La clé {platform} fonctionne mais n'a pas assez d'accès. Créez une clé avec ces autorisations : {scopes}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="120" />
        <source>{platform} asked us to slow down and the wait ran out; try again in a few minutes.</source>
        <translation>{platform} nous a demandé de ralentir et l'attente a expiré ; réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="123" />
        <source>{platform} rejected {count} row(s); see the rejected rows for each reason.</source>
        <translation>{platform} a refusé {count} ligne(s) ; la liste des lignes refusées donne la raison de chacune.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="126" />
        <source>Could not open a secure connection to {platform} ({detail}). A proxy or antivirus may be intercepting HTTPS; check the proxy settings.</source>
        <translation>Impossible d'établir une connexion sécurisée avec {platform} ({detail}). Un proxy ou un antivirus intercepte peut-être le HTTPS ; vérifiez les réglages du proxy.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="129" />
        <source>Cannot reach {platform}: check the internet connection ({detail}).</source>
        <translation>Impossible de joindre {platform} : vérifiez la connexion Internet ({detail}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="132" />
        <source>{platform} is having trouble (HTTP {status}); the sync will resume next time.</source>
        <translation>{platform} rencontre un problème (HTTP {status}) ; la synchronisation reprendra la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="135" />
        <source>Cancelled; the next sync resumes where this one stopped.</source>
        <translation>Annulée ; la prochaine synchronisation reprendra là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="138" />
        <source>Unexpected error: {error}</source>
        <translation>Erreur inattendue : {error}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/flows.py" line="58" />
        <source>Triggered by the metric “{metric}”</source>
        <translation>Déclenché par la métrique « {metric} »</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/flows.py" line="60" />
        <source>, filtered on {condition}</source>
        <translation>, filtré sur {condition}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/flows.py" line="62" />
        <source>, then wait {days} days</source>
        <translation>, puis attendre {days} jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/flows.py" line="64" />
        <source>Audience filter recalculated daily: {condition}</source>
        <translation>Filtre d'audience recalculé chaque jour : {condition}</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="20" />
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="21" />
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="22" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="27" />
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="27" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="28" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="28" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="29" />
        <source>External ID</source>
        <translation>Identifiant externe</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="29" />
        <source>Points balance</source>
        <translation>Solde de points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="30" />
        <source>Points earned (lifetime)</source>
        <translation>Points gagnés (total)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="31" />
        <source>Missions completed</source>
        <translation>Missions accomplies</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="32" />
        <source>Rewards claimed</source>
        <translation>Récompenses obtenues</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="33" />
        <source>Referrals completed</source>
        <translation>Parrainages réussis</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="33" />
        <source>Tier name</source>
        <translation>Palier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="34" />
        <source>Tier ID</source>
        <translation>Identifiant du palier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="34" />
        <source>Referral URL</source>
        <translation>Lien de parrainage</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="35" />
        <source>Membership state</source>
        <translation>Statut de membre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="35" />
        <source>Birthday</source>
        <translation>Anniversaire</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="36" />
        <source>Points expiring</source>
        <translation>Points qui expirent</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="37" />
        <source>Points expiry date</source>
        <translation>Date d'expiration des points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="37" />
        <source>Member since</source>
        <translation>Membre depuis</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="38" />
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
</context>
<context>
    <name>CreateKeyPage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="133" />
        <source>Create an API key in {platform}</source>
        <translation>Créez une clé d'API dans {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="134" />
        <source>Loyalty Desktop writes to {platform} with a key that only you create and can revoke.</source>
        <translation>Loyalty Desktop écrit dans {platform} avec une clé que vous seul créez et pouvez révoquer.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="137" />
        <source>In Klaviyo, open &lt;b&gt;Settings → API keys&lt;/b&gt;.</source>
        <translation>Dans Klaviyo, ouvrez &lt;b&gt;Settings → API keys&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="138" />
        <source>Click &lt;b&gt;Create private key&lt;/b&gt; and name it “Loyalty Desktop”.</source>
        <translation>Cliquez sur &lt;b&gt;Create private key&lt;/b&gt; et nommez-la « Loyalty Desktop ».</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="139" />
        <source>Choose &lt;b&gt;Custom key&lt;/b&gt; and tick exactly these scopes: {scopes}.</source>
        <translation>Choisissez &lt;b&gt;Custom key&lt;/b&gt; et cochez exactement ces autorisations : {scopes}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="141" />
        <source>To let Loyalty Desktop create loyalty segments later, also tick &lt;b&gt;segments:read&lt;/b&gt; and &lt;b&gt;segments:write&lt;/b&gt;.</source>
        <translation>Pour que Loyalty Desktop puisse créer plus tard des segments de fidélité, cochez aussi &lt;b&gt;segments:read&lt;/b&gt; et &lt;b&gt;segments:write&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="143" />
        <source>Click &lt;b&gt;Create&lt;/b&gt;, then &lt;b&gt;copy&lt;/b&gt; the key (it starts with pk_).</source>
        <translation>Cliquez sur &lt;b&gt;Create&lt;/b&gt;, puis &lt;b&gt;copiez&lt;/b&gt; la clé (elle commence par pk_).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="145" />
        <source>In Splio, open &lt;b&gt;Users → API users&lt;/b&gt;.</source>
        <translation>Dans Splio, ouvrez &lt;b&gt;Utilisateurs → Utilisateurs API&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="146" />
        <source>Click &lt;b&gt;New user&lt;/b&gt;.</source>
        <translation>Cliquez sur &lt;b&gt;Nouvel utilisateur&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="147" />
        <source>&lt;b&gt;Rename&lt;/b&gt; it “Loyalty Desktop” so you recognise it later.</source>
        <translation>&lt;b&gt;Renommez-le&lt;/b&gt; « Loyalty Desktop » pour le reconnaître plus tard.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="148" />
        <source>&lt;b&gt;Copy the key&lt;/b&gt; shown for this API user.</source>
        <translation>&lt;b&gt;Copiez la clé&lt;/b&gt; affichée pour cet utilisateur API.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="151" />
        <source>This is the offline demo: a demo key is ready for you on the next page, nothing is sent over the network.</source>
        <translation>Ceci est la démo hors ligne : une clé de démonstration vous attend à la page suivante, rien n'est envoyé sur le réseau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="154" />
        <source>Open the {platform} page</source>
        <translation>Ouvrir la page {platform}</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="266" />
        <source>Done: your contacts carry their loyalty data</source>
        <translation>C'est fait : vos contacts portent leurs données de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="267" />
        <source>Here is one contact as {platform} now holds it, and the email flows you can build on it.</source>
        <translation>Voici un contact tel que {platform} le contient maintenant, et les scénarios d'e-mails que vous pouvez construire dessus.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="269" />
        <source>Sample contact in {platform}</source>
        <translation>Exemple de contact dans {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="270" />
        <source>Recommended email flows, with an example in English and French using {platform}'s variables:</source>
        <translation>Scénarios d'e-mails recommandés, avec un exemple en anglais et en français utilisant les variables de {platform} :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="272" />
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="273" />
        <source>Recommended flows</source>
        <translation>Scénarios recommandés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="318" />
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="318" />
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="319" />
        <source>Subject: {subject}</source>
        <translation>Objet : {subject}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="372" />
        <location filename="../../loyalty_desktop/ui/main_window.py" line="417" />
        <location filename="../../loyalty_desktop/ui/main_window.py" line="831" />
        <source>Loyalty Desktop</source>
        <translation>Loyalty Desktop</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="373" />
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="374" />
        <source>Platform:</source>
        <translation>Plateforme :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="375" />
        <source>Account:</source>
        <translation>Compte :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="376" />
        <source>API key:</source>
        <translation>Clé API :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="377" />
        <source>Health:</source>
        <translation>État :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="378" />
        <source>&amp;Verify again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="379" />
        <source>Check the key with the platform again</source>
        <translation>Vérifier de nouveau la clé auprès de la plateforme</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="380" />
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="381" />
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="382" />
        <source>Send what changed in the loyalty program since the last sync</source>
        <translation>Envoyer ce qui a changé dans le programme de fidélité depuis la dernière synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="383" />
        <source>&amp;Cancel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="384" />
        <source>Stop the sync; the next one resumes where it stopped</source>
        <translation>Arrêter la synchronisation ; la suivante reprendra là où elle s'est arrêtée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="385" />
        <source>&amp;Last runs</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="386" />
        <source>Se&amp;gments</source>
        <translation>Se&amp;gments</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="387" />
        <source>Se&amp;ttings</source>
        <translation>Paramè&amp;tres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="388" />
        <source>Sync history</source>
        <translation>Historique des synchronisations</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="389" />
        <source>One row per sync, newest first. Press Enter to see a run's rejected rows.</source>
        <translation>Une ligne par synchronisation, la plus récente en premier. Appuyez sur Entrée pour voir les lignes rejetées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="391" />
        <source>Double-click a run, or select it and press Enter, to see its rejected rows.</source>
        <translation>Double-cliquez sur une synchronisation, ou sélectionnez-la et appuyez sur Entrée, pour voir ses lignes rejetées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="393" />
        <source>&amp;Rejected rows…</source>
        <translation>Lignes &amp;rejetées…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="394" />
        <source>Show the rejected rows of the selected run</source>
        <translation>Afficher les lignes rejetées de la synchronisation sélectionnée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="395" />
        <source>La&amp;nguage:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="396" />
        <source>Same as the computer</source>
        <translation>Celle de l'ordinateur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="397" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="398" />
        <source>&amp;Automatic sync:</source>
        <translation>Synchronisation &amp;automatique :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="399" />
        <source>Automatic sync</source>
        <translation>Synchronisation automatique</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="400" />
        <source>Runs while Loyalty Desktop is open. If a run fails, a notification says so.</source>
        <translation>Fonctionne tant que Loyalty Desktop est ouvert. Si une synchronisation échoue, une notification vous prévient.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="402" />
        <source>The local copy of your loyalty data and the sync history. API keys are never stored there.</source>
        <translation>La copie locale de vos données de fidélité et l'historique des synchronisations. Les clés API n'y sont jamais enregistrées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="406" />
        <source>&amp;Data folder:</source>
        <translation>&amp;Dossier de données :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="407" />
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="408" />
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="409" />
        <source>Open the data folder</source>
        <translation>Ouvrir le dossier de données</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="410" />
        <source>API &amp;key:</source>
        <translation>&amp;Clé API :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="411" />
        <source>&amp;Forget key…</source>
        <translation>O&amp;ublier la clé…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="412" />
        <source>Forget the API key</source>
        <translation>Oublier la clé API</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="413" />
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="414" />
        <source>Sync status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="425" />
        <location filename="../../loyalty_desktop/ui/main_window.py" line="650" />
        <source>Opening the loyalty data…</source>
        <translation>Ouverture des données de fidélité…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="427" />
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="431" />
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="433" />
        <source>Every hour</source>
        <translation>Toutes les heures</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="434" />
        <source>Every {hours} hours</source>
        <translation>Toutes les {hours} heures</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="439" />
        <source>{platform} — offline demo (sandbox on this computer)</source>
        <translation>{platform} — démo hors ligne (bac à sable sur cet ordinateur)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="444" />
        <source>{name} (test account)</source>
        <translation>{name} (compte de test)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="449" />
        <source>Demo key (nothing stored)</source>
        <translation>Clé de démo (rien n'est enregistré)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="456" />
        <source>Demo mode: no key is stored.</source>
        <translation>Mode démo : aucune clé n'est enregistrée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="458" />
        <source>{key}, saved in {where}</source>
        <translation>{key}, enregistrée dans {where}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="462" />
        <source>No key stored</source>
        <translation>Aucune clé enregistrée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="466" />
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="468" />
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="472" />
        <source>Connected · verified {when}</source>
        <translation>Connecté · vérifié le {when}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="474" />
        <source>No key stored for {platform}. Run the setup again to connect.</source>
        <translation>Aucune clé enregistrée pour {platform}. Relancez la configuration pour vous connecter.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="479" />
        <source>Not connected yet</source>
        <translation>Pas encore connecté</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="485" />
        <source>No sync yet.</source>
        <translation>Aucune synchronisation pour l'instant.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="490" />
        <source>Last sync: {when} · {status}</source>
        <translation>Dernière synchronisation : {when} · {status}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="493" />
        <source>{sent} contacts sent · {unchanged} unchanged · {rejected} rejected</source>
        <translation>{sent} contacts envoyés · {unchanged} inchangés · {rejected} rejetés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="502" />
        <source>Automatic sync: off (see Settings)</source>
        <translation>Synchronisation automatique : désactivée (voir Paramètres)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="505" />
        <source>Next automatic sync: {when}</source>
        <translation>Prochaine synchronisation automatique : {when}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="667" />
        <location filename="../../loyalty_desktop/ui/main_window.py" line="676" />
        <source>Sync cancelled.</source>
        <translation>Synchronisation annulée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="669" />
        <source>the loyalty program</source>
        <translation>le programme de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="670" />
        <location filename="../../loyalty_desktop/ui/main_window.py" line="685" />
        <location filename="../../loyalty_desktop/ui/main_window.py" line="745" />
        <location filename="../../loyalty_desktop/ui/main_window.py" line="752" />
        <source>Sync failed: {error}</source>
        <translation>La synchronisation a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="687" />
        <source>Sync started…</source>
        <translation>Synchronisation lancée…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="698" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="710" />
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="716" />
        <source>{rate}/s</source>
        <translation>{rate}/s</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="721" />
        <source>{time} left</source>
        <translation>encore {time}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="731" />
        <source>{sent} contacts sent, {events} events, {unchanged} unchanged, {rejected} rejected</source>
        <translation>{sent} contacts envoyés, {events} événements, {unchanged} inchangés, {rejected} rejetés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="736" />
        <source>Sync finished in {time}: {counts}.</source>
        <translation>Synchronisation terminée en {time} : {counts}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="739" />
        <source>Sync finished with rejected rows: {counts}. Open the run to see why.</source>
        <translation>Synchronisation terminée avec des lignes rejetées : {counts}. Ouvrez-la pour voir pourquoi.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="742" />
        <source>Sync cancelled; the next one resumes where it stopped.</source>
        <translation>Synchronisation annulée ; la suivante reprendra là où elle s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="744" />
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="779" />
        <source>Loyalty Desktop: sync failed</source>
        <translation>Loyalty Desktop : la synchronisation a échoué</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="837" />
        <source>Show Loyalty Desktop</source>
        <translation>Afficher Loyalty Desktop</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="838" />
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="880" />
        <source>Could not read the sync history: {error}</source>
        <translation>Impossible de lire l'historique des synchronisations : {error}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="958" />
        <source>Forget the {platform} key?</source>
        <translation>Oublier la clé {platform} ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="959" />
        <source>The key will be removed from {where}. Syncing will stop until you run the setup again and paste a key. Your data in {platform} is not touched.</source>
        <translation>La clé sera supprimée de {where}. Les synchronisations s'arrêteront jusqu'à ce que vous relanciez la configuration et colliez une clé. Vos données dans {platform} ne sont pas modifiées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="961" />
        <source>this computer</source>
        <translation>cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="971" />
        <source>The {platform} key was forgotten.</source>
        <translation>La clé {platform} a été oubliée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="1002" />
        <source>Stop the sync?</source>
        <translation>Arrêter la synchronisation ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main_window.py" line="1003" />
        <source>A sync is running. Stop it and close? The next sync resumes where it stopped.</source>
        <translation>Une synchronisation est en cours. L'arrêter et fermer ? La suivante reprendra là où elle s'est arrêtée.</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="69" />
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="69" />
        <source>Loyalty field</source>
        <translation>Champ de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="69" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="70" />
        <source>{platform} field</source>
        <translation>Champ {platform}</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="218" />
        <source>Choose what each {platform} contact gets</source>
        <translation>Choisissez ce que reçoit chaque contact {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="219" />
        <source>Tick the fields to send and rename them if you like. The preview shows five real members as {platform} will hold them.</source>
        <translation>Cochez les champs à envoyer et renommez-les si vous le souhaitez. L'aperçu montre cinq vrais membres tels que {platform} les recevra.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="221" />
        <source>Preset:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="222" />
        <source>Mapping preset</source>
        <translation>Modèle de correspondance</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="223" />
        <source>Field mapping</source>
        <translation>Correspondance des champs</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="224" />
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="225" />
        <source>Preview of five members</source>
        <translation>Aperçu de cinq membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="287" />
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="322" />
        <source>The email must be sent: it is how contacts are matched.</source>
        <translation>L'e-mail doit être envoyé : c'est lui qui identifie les contacts.</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="11" />
        <source>Confirming earlier jobs</source>
        <translation>Confirmation des envois précédents</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="12" />
        <source>Reading the loyalty data</source>
        <translation>Lecture des données de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="13" />
        <source>Planning what changed</source>
        <translation>Calcul des changements</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="14" />
        <source>Sending contacts</source>
        <translation>Envoi des contacts</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="15" />
        <source>Sending events</source>
        <translation>Envoi des événements</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="16" />
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="78" />
        <source>Sync run of {when}</source>
        <translation>Synchronisation du {when}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="79" />
        <source>Started {when} · {status}</source>
        <translation>Lancée le {when} · {status}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="82" />
        <source>{sent} contacts sent · {events} events · {unchanged} unchanged · {rejected} rejected · {time}</source>
        <translation>{sent} contacts envoyés · {events} événements · {unchanged} inchangés · {rejected} rejetés · {time}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="90" />
        <source>{count} row(s) rejected. Each row says what the platform refused and why; once fixed, the next sync sends them again.</source>
        <translation>{count} ligne(s) rejetée(s). Chaque ligne indique ce que la plateforme a refusé et pourquoi ; une fois corrigées, la prochaine synchronisation les renverra.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="94" />
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="99" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="94" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="94" />
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="95" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="99" />
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="100" />
        <source>Rejected rows</source>
        <translation>Lignes rejetées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="101" />
        <source>No rejected rows in this run.</source>
        <translation>Aucune ligne rejetée lors de cette synchronisation.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="102" />
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="103" />
        <source>Export the rejected rows to a CSV file</source>
        <translation>Exporter les lignes rejetées dans un fichier CSV</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="109" />
        <source>Export rejected rows</source>
        <translation>Exporter les lignes rejetées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="110" />
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="81" />
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="82" />
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="83" />
        <source>Completed, some rows rejected</source>
        <translation>Terminée, des lignes rejetées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="84" />
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="85" />
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="86" />
        <source>Interrupted</source>
        <translation>Interrompue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="103" />
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="103" />
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="103" />
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="103" />
        <source>Contacts sent</source>
        <translation>Contacts envoyés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="104" />
        <source>Events sent</source>
        <translation>Événements envoyés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="104" />
        <source>Unchanged</source>
        <translation>Inchangés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="104" />
        <source>Rejected</source>
        <translation>Rejetés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="104" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="106" />
        <source>When the sync started</source>
        <translation>Début de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="106" />
        <source>How long it took</source>
        <translation>Durée de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="107" />
        <source>Members read from the loyalty program</source>
        <translation>Membres lus dans le programme de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="108" />
        <source>Contacts whose loyalty data was created or updated</source>
        <translation>Contacts dont les données de fidélité ont été créées ou mises à jour</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="109" />
        <source>Loyalty events sent (points earned, tier reached…)</source>
        <translation>Événements de fidélité envoyés (points gagnés, niveau atteint…)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="110" />
        <source>Contacts already up to date, not sent again</source>
        <translation>Contacts déjà à jour, non renvoyés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="111" />
        <source>Rows the platform refused; open the run to see why</source>
        <translation>Lignes refusées par la plateforme ; ouvrez la synchronisation pour voir pourquoi</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="112" />
        <source>How the sync ended</source>
        <translation>Issue de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="134" />
        <source>Double-click or press Enter to see the rejected rows</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour voir les lignes rejetées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="153" />
        <source>running…</source>
        <translation>en cours…</translation>
    </message>
</context>
<context>
    <name>SecretEdit</name>
    <message>
        <location filename="../../loyalty_desktop/ui/widgets/secret_edit.py" line="41" />
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/widgets/secret_edit.py" line="41" />
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/widgets/secret_edit.py" line="42" />
        <source>Show or hide the key</source>
        <translation>Afficher ou masquer la clé</translation>
    </message>
</context>
<context>
    <name>SegmentsView</name>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="38" />
        <source>Segments chart</source>
        <translation>Graphique des segments</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="39" />
        <source>No members yet: run a sync to see the segments your loyalty data makes possible.</source>
        <translation>Aucun membre pour l'instant : lancez une synchronisation pour voir les segments que vos données de fidélité permettent.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="51" />
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="56" />
        <source>{members} loyalty members, as of {date} (the loyalty program's date). Candidates and disabled members are not counted.</source>
        <translation>{members} membres du programme de fidélité au {date} (date du programme). Les candidats et les membres désactivés ne sont pas comptés.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="69" />
        <source>{count} (&lt;1%)</source>
        <translation>{count} (&lt;1 %)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="70" />
        <source>{count} ({percent}%)</source>
        <translation>{count} ({percent} %)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="74" />
        <source>{count} of {total} loyalty members</source>
        <translation>{count} membres sur {total}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="81" />
        <source>No tier</source>
        <translation>Sans niveau</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="83" />
        <source>Members per tier</source>
        <translation>Membres par niveau</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="88" />
        <source>{low}+ points</source>
        <translation>{low} points et plus</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="90" />
        <source>No points</source>
        <translation>Aucun point</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="92" />
        <source>{low}–{high} points</source>
        <translation>{low} à {high} points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="94" />
        <source>Points balance</source>
        <translation>Solde de points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="97" />
        <source>Can claim a reward ({points}+ points)</source>
        <translation>Récompense possible ({points} points et +)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="100" />
        <source>Points expiring within {days} days</source>
        <translation>Points qui expirent sous {days} jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="101" />
        <source>{share} · {points} points</source>
        <translation>{share} · {points} points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="104" />
        <source>Inactive for {days} days</source>
        <translation>Inactifs depuis {days} jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="105" />
        <source>Worth an email</source>
        <translation>À relancer par e-mail</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="107" />
        <source>Referred a friend</source>
        <translation>Ont parrainé un ami</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="107" />
        <source>Never referred anyone</source>
        <translation>N'ont jamais parrainé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/segments_view.py" line="108" />
        <source>Referrals</source>
        <translation>Parrainage</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="59" />
        <source>Loyalty Desktop — set-up</source>
        <translation>Loyalty Desktop — configuration</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="62" />
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="82" />
        <source>Stop the sync?</source>
        <translation>Arrêter la synchronisation ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="83" />
        <source>A sync is running. Stop it now? Nothing is lost: the next sync resumes where it stopped.</source>
        <translation>Une synchronisation est en cours. L'arrêter maintenant ? Rien n'est perdu : la prochaine synchronisation reprendra là où elle s'est arrêtée.</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="101" />
        <source>Where is your loyalty data?</source>
        <translation>Où sont vos données de fidélité ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="102" />
        <source>Choose the loyalty program to read. Nothing is changed in it.</source>
        <translation>Choisissez le programme de fidélité à lire. Rien n'y est modifié.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="103" />
        <source>Demo loyalty program (realistic members, two years of history)</source>
        <translation>Programme de fidélité de démonstration (membres réalistes, deux ans d'historique)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="104" />
        <source>Members:</source>
        <translation>Membres :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="105" />
        <source>Number of demo members</source>
        <translation>Nombre de membres de démonstration</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="106" />
        <source>A spreadsheet export (CSV or Excel) from Loyoly, Smile.io or your own</source>
        <translation>Un export tableur (CSV ou Excel) de Loyoly, Smile.io ou le vôtre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="107" />
        <source>Spreadsheet file</source>
        <translation>Fichier tableur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="108" />
        <source>members.csv or members.xlsx</source>
        <translation>membres.csv ou membres.xlsx</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="109" />
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="110" />
        <source>Smile.io (API key from Settings → Developer tools)</source>
        <translation>Smile.io (clé d'API dans Settings → Developer tools)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="111" />
        <source>Smile.io API key</source>
        <translation>Clé d'API Smile.io</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="120" />
        <source>Choose the members export</source>
        <translation>Choisissez l'export des membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="121" />
        <source>Spreadsheets (*.csv *.txt *.xlsx)</source>
        <translation>Tableurs (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="139" />
        <source>Choose the spreadsheet file first.</source>
        <translation>Choisissez d'abord le fichier tableur.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="154" />
        <source>Reading the loyalty program…</source>
        <translation>Lecture du programme de fidélité…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="167" />
        <source>the loyalty program</source>
        <translation>le programme de fidélité</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="106" />
        <source>First sync</source>
        <translation>Première synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="107" />
        <source>Your loyalty data is being copied. You can cancel at any time: the next sync resumes where this one stopped.</source>
        <translation>Vos données de fidélité sont en cours de copie. Vous pouvez annuler à tout moment : la prochaine synchronisation reprendra là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="109" />
        <source>Cancel sync</source>
        <translation>Annuler la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="110" />
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="111" />
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="112" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="112" />
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="112" />
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="113" />
        <source>Sync log</source>
        <translation>Journal de synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="114" />
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="132" />
        <source>Sync started: {source} → {platform} ({account}).</source>
        <translation>Synchronisation lancée : {source} → {platform} ({account}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="139" />
        <source>demo program ({members} members)</source>
        <translation>programme de démonstration ({members} membres)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="141" />
        <source>spreadsheet {file}</source>
        <translation>tableur {file}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="147" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="161" />
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="164" />
        <source>{rate} per second · {left} left</source>
        <translation>{rate} par seconde · encore {left}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="172" />
        <source>Sent: {sent} · Unchanged: {unchanged} · Rejected: {rejected} · Events: {events}</source>
        <translation>Envoyés : {sent} · Inchangés : {unchanged} · Refusés : {rejected} · Événements : {events}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="175" />
        <source>in {time}</source>
        <translation>en {time}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="179" />
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="182" />
        <source>Finished: {sent} contacts updated, {events} events sent, {rejected} rejected.</source>
        <translation>Terminée : {sent} contacts mis à jour, {events} événements envoyés, {rejected} refusés.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="186" />
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="187" />
        <source>Cancelled. Click Resume to continue where it stopped.</source>
        <translation>Annulée. Cliquez sur Reprendre pour continuer là où elle s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="190" />
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="207" />
        <source>Stopped by an error</source>
        <translation>Arrêtée par une erreur</translation>
    </message>
    <message numerus="yes">
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="197" />
        <source>%n row(s) rejected:</source>
        <translation>
            <numerusform>%n ligne(s) refusée(s) :</numerusform>
            <numerusform>%n ligne(s) refusée(s) :</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="214" />
        <source>Export rejected rows</source>
        <translation>Exporter les lignes refusées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="215" />
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="222" />
        <source>Rejected rows exported to {path}</source>
        <translation>Lignes refusées exportées dans {path}</translation>
    </message>
</context>
<context>
    <name>VerifyKeyPage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="217" />
        <source>Paste and verify your {platform} key</source>
        <translation>Collez et vérifiez votre clé {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="218" />
        <source>The key is checked with {platform}, then kept in your system's keychain — never in a file.</source>
        <translation>La clé est vérifiée auprès de {platform}, puis conservée dans le trousseau de votre système — jamais dans un fichier.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="220" />
        <source>API key:</source>
        <translation>Clé d'API :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="221" />
        <source>{platform} API key</source>
        <translation>Clé d'API {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="222" />
        <source>Splio API key</source>
        <translation>Clé d'API Splio</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="223" />
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="224" />
        <source>Keep the key for this session only (you will paste it again next time)</source>
        <translation>Garder la clé pour cette session seulement (vous la collerez de nouveau la prochaine fois)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="245" />
        <source>Paste the key first.</source>
        <translation>Collez d'abord la clé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="252" />
        <source>Checking the key with {platform}…</source>
        <translation>Vérification de la clé auprès de {platform}…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="277" />
        <source> (test account)</source>
        <translation> (compte de test)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="278" />
        <source>✓ Connected to {platform} account “{account}”.</source>
        <translation>✓ Connecté au compte {platform} « {account} ».</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="282" />
        <source>Demo key: nothing is stored.</source>
        <translation>Clé de démonstration : rien n'est enregistré.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="288" />
        <source>No system keychain is available on this computer, so the key cannot be saved. Keep it for this session only, or set up a keychain and verify again.</source>
        <translation>Aucun trousseau système n'est disponible sur cet ordinateur : la clé ne peut pas être enregistrée. Gardez-la pour cette session seulement, ou installez un trousseau et vérifiez de nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="294" />
        <source>The key is saved in {where}.</source>
        <translation>La clé est enregistrée dans {where}.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="86" />
        <source>Welcome to Loyalty Desktop</source>
        <translation>Bienvenue dans Loyalty Desktop</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="87" />
        <source>Put your loyalty program on every contact of your email platform.</source>
        <translation>Mettez votre programme de fidélité sur chaque contact de votre plateforme d'e-mailing.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="89" />
        <source>Loyalty Desktop copies each member's points, tier, rewards, referrals and expiring points to the contact in your email platform, and sends loyalty moments as events that can start email flows. Where are your contacts?</source>
        <translation>Loyalty Desktop copie les points, le palier, les récompenses, les parrainages et les points qui expirent de chaque membre sur son contact dans votre plateforme d'e-mailing, et envoie les moments de fidélité comme événements capables de déclencher des scénarios d'e-mails. Où sont vos contacts ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="92" />
        <source>Klaviyo</source>
        <translation>Klaviyo</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="93" />
        <source>Splio</source>
        <translation>Splio</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="94" />
        <source>Offline demo (no account, no network)</source>
        <translation>Démo hors ligne (sans compte, sans réseau)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="95" />
        <source>Demo platform:</source>
        <translation>Plateforme de démo :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="96" />
        <source>Demo platform</source>
        <translation>Plateforme de démo</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="97" />
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="98" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
</TS>