<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name />
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="112" />
        <source>{platform} refused the API key: it is wrong, revoked or for another account. Paste the key again or create a new one.</source>
        <translation>{platform} a refusé la clé d'API : elle est erronée, révoquée ou appartient à un autre compte. Collez-la de nouveau ou créez-en une autre.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="115" />
        <source>The {platform} key works but lacks access. Create a key with these scopes: {scopes}.</source>
        <translation>La clé {platform} fonctionne mais n'a pas assez d'accès. Créez une clé avec ces autorisations : {scopes}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="118" />
        <source>{platform} asked us to slow down and the wait ran out; try again in a few minutes.</source>
        <translation>{platform} nous a demandé de ralentir et l'attente a expiré ; réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="121" />
        <source>{platform} rejected {count} row(s); see the rejected rows for each reason.</source>
        <translation>{platform} a refusé {count} ligne(s) ; la liste des lignes refusées donne la raison de chacune.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="124" />
        <source>Could not open a secure connection to {platform} ({detail}). A proxy or antivirus may be intercepting HTTPS; check the proxy settings.</source>
        <translation>Impossible d'établir une connexion sécurisée avec {platform} ({detail}). Un proxy ou un antivirus intercepte peut-être le HTTPS ; vérifiez les réglages du proxy.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="127" />
        <source>Cannot reach {platform}: check the internet connection ({detail}).</source>
        <translation>Impossible de joindre {platform} : vérifiez la connexion Internet ({detail}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="130" />
        <source>{platform} is having trouble (HTTP {status}); the sync will resume next time.</source>
        <translation>{platform} rencontre un problème (HTTP {status}) ; la synchronisation reprendra la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="133" />
        <source>Cancelled; the next sync resumes where this one stopped.</source>
        <translation>Annulée ; la prochaine synchronisation reprendra là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/errors.py" line="136" />
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
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="272" />
        <source>Done: your contacts carry their loyalty data</source>
        <translation>C'est fait : vos contacts portent leurs données de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="273" />
        <source>Here is one contact as {platform} now holds it, and the email flows you can build on it.</source>
        <translation>Voici un contact tel que {platform} le contient maintenant, et les scénarios d'e-mails que vous pouvez construire dessus.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="275" />
        <source>Sample contact in {platform}</source>
        <translation>Exemple de contact dans {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="276" />
        <source>Recommended email flows, with an example in English and French using {platform}'s variables:</source>
        <translation>Scénarios d'e-mails recommandés, avec un exemple en anglais et en français utilisant les variables de {platform} :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="278" />
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="279" />
        <source>Recommended flows</source>
        <translation>Scénarios recommandés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="324" />
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="324" />
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="325" />
        <source>Subject: {subject}</source>
        <translation>Objet : {subject}</translation>
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
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="223" />
        <source>Choose what each {platform} contact gets</source>
        <translation>Choisissez ce que reçoit chaque contact {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="224" />
        <source>Tick the fields to send and rename them if you like. The preview shows five real members as {platform} will hold them.</source>
        <translation>Cochez les champs à envoyer et renommez-les si vous le souhaitez. L'aperçu montre cinq vrais membres tels que {platform} les recevra.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="226" />
        <source>Preset:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="227" />
        <source>Mapping preset</source>
        <translation>Modèle de correspondance</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="228" />
        <source>Field mapping</source>
        <translation>Correspondance des champs</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="229" />
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="230" />
        <source>Preview of five members</source>
        <translation>Aperçu de cinq membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="292" />
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="327" />
        <source>The email must be sent: it is how contacts are matched.</source>
        <translation>L'e-mail doit être envoyé : c'est lui qui identifie les contacts.</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="43" />
        <source>Confirming earlier jobs</source>
        <translation>Confirmation des envois précédents</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="44" />
        <source>Reading the loyalty data</source>
        <translation>Lecture des données de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="45" />
        <source>Planning what changed</source>
        <translation>Calcul des changements</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="46" />
        <source>Sending contacts</source>
        <translation>Envoi des contacts</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="47" />
        <source>Sending events</source>
        <translation>Envoi des événements</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="48" />
        <source>Done</source>
        <translation>Terminé</translation>
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
    <name>SetupWizard</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="58" />
        <source>Loyalty Desktop — set-up</source>
        <translation>Loyalty Desktop — configuration</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="61" />
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="81" />
        <source>Stop the sync?</source>
        <translation>Arrêter la synchronisation ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="82" />
        <source>A sync is running. Stop it now? Nothing is lost: the next sync resumes where it stopped.</source>
        <translation>Une synchronisation est en cours. L'arrêter maintenant ? Rien n'est perdu : la prochaine synchronisation reprendra là où elle s'est arrêtée.</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="106" />
        <source>Where is your loyalty data?</source>
        <translation>Où sont vos données de fidélité ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="107" />
        <source>Choose the loyalty program to read. Nothing is changed in it.</source>
        <translation>Choisissez le programme de fidélité à lire. Rien n'y est modifié.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="108" />
        <source>Demo loyalty program (realistic members, two years of history)</source>
        <translation>Programme de fidélité de démonstration (membres réalistes, deux ans d'historique)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="109" />
        <source>Members:</source>
        <translation>Membres :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="110" />
        <source>Number of demo members</source>
        <translation>Nombre de membres de démonstration</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="111" />
        <source>A spreadsheet export (CSV or Excel) from Loyoly, Smile.io or your own</source>
        <translation>Un export tableur (CSV ou Excel) de Loyoly, Smile.io ou le vôtre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="112" />
        <source>Spreadsheet file</source>
        <translation>Fichier tableur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="113" />
        <source>members.csv or members.xlsx</source>
        <translation>membres.csv ou membres.xlsx</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="114" />
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="115" />
        <source>Smile.io (API key from Settings → Developer tools)</source>
        <translation>Smile.io (clé d'API dans Settings → Developer tools)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="116" />
        <source>Smile.io API key</source>
        <translation>Clé d'API Smile.io</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="125" />
        <source>Choose the members export</source>
        <translation>Choisissez l'export des membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="126" />
        <source>Spreadsheets (*.csv *.txt *.xlsx)</source>
        <translation>Tableurs (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="144" />
        <source>Choose the spreadsheet file first.</source>
        <translation>Choisissez d'abord le fichier tableur.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="159" />
        <source>Reading the loyalty program…</source>
        <translation>Lecture du programme de fidélité…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="172" />
        <source>the loyalty program</source>
        <translation>le programme de fidélité</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="112" />
        <source>First sync</source>
        <translation>Première synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="113" />
        <source>Your loyalty data is being copied. You can cancel at any time: the next sync resumes where this one stopped.</source>
        <translation>Vos données de fidélité sont en cours de copie. Vous pouvez annuler à tout moment : la prochaine synchronisation reprendra là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="115" />
        <source>Cancel sync</source>
        <translation>Annuler la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="116" />
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="117" />
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="118" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="118" />
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="118" />
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="119" />
        <source>Sync log</source>
        <translation>Journal de synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="120" />
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="138" />
        <source>Sync started: {source} → {platform} ({account}).</source>
        <translation>Synchronisation lancée : {source} → {platform} ({account}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="145" />
        <source>demo program ({members} members)</source>
        <translation>programme de démonstration ({members} membres)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="147" />
        <source>spreadsheet {file}</source>
        <translation>tableur {file}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="153" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="167" />
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="170" />
        <source>{rate} per second · {left} left</source>
        <translation>{rate} par seconde · encore {left}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="178" />
        <source>Sent: {sent} · Unchanged: {unchanged} · Rejected: {rejected} · Events: {events}</source>
        <translation>Envoyés : {sent} · Inchangés : {unchanged} · Refusés : {rejected} · Événements : {events}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="181" />
        <source>in {time}</source>
        <translation>en {time}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="185" />
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="188" />
        <source>Finished: {sent} contacts updated, {events} events sent, {rejected} rejected.</source>
        <translation>Terminée : {sent} contacts mis à jour, {events} événements envoyés, {rejected} refusés.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="192" />
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="193" />
        <source>Cancelled. Click Resume to continue where it stopped.</source>
        <translation>Annulée. Cliquez sur Reprendre pour continuer là où elle s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="196" />
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="213" />
        <source>Stopped by an error</source>
        <translation>Arrêtée par une erreur</translation>
    </message>
    <message numerus="yes">
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="203" />
        <source>%n row(s) rejected:</source>
        <translation>
            <numerusform>%n ligne(s) refusée(s) :</numerusform>
            <numerusform>%n ligne(s) refusée(s) :</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="220" />
        <source>Export rejected rows</source>
        <translation>Exporter les lignes refusées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="221" />
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="228" />
        <source>Rejected rows exported to {path}</source>
        <translation>Lignes refusées exportées dans {path}</translation>
    </message>
</context>
<context>
    <name>VerifyKeyPage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="221" />
        <source>Paste and verify your {platform} key</source>
        <translation>Collez et vérifiez votre clé {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="222" />
        <source>The key is checked with {platform}, then kept in your system's keychain — never in a file.</source>
        <translation>La clé est vérifiée auprès de {platform}, puis conservée dans le trousseau de votre système — jamais dans un fichier.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="224" />
        <source>API key:</source>
        <translation>Clé d'API :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="225" />
        <source>{platform} API key</source>
        <translation>Clé d'API {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="226" />
        <source>Splio API key</source>
        <translation>Clé d'API Splio</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="227" />
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="228" />
        <source>Keep the key for this session only (you will paste it again next time)</source>
        <translation>Garder la clé pour cette session seulement (vous la collerez de nouveau la prochaine fois)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="249" />
        <source>Paste the key first.</source>
        <translation>Collez d'abord la clé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="256" />
        <source>Checking the key with {platform}…</source>
        <translation>Vérification de la clé auprès de {platform}…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="281" />
        <source> (test account)</source>
        <translation> (compte de test)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="282" />
        <source>✓ Connected to {platform} account “{account}”.</source>
        <translation>✓ Connecté au compte {platform} « {account} ».</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="286" />
        <source>Demo key: nothing is stored.</source>
        <translation>Clé de démonstration : rien n'est enregistré.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="292" />
        <source>No system keychain is available on this computer, so the key cannot be saved. Keep it for this session only, or set up a keychain and verify again.</source>
        <translation>Aucun trousseau système n'est disponible sur cet ordinateur : la clé ne peut pas être enregistrée. Gardez-la pour cette session seulement, ou installez un trousseau et vérifiez de nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="298" />
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