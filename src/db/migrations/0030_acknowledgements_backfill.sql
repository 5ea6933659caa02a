-- Automatic acknowledgements already written under website comments were public; from now on they are
-- for the asking person only. The website comment of an automatic reply has the reply's id, and the reply
-- names the citizen comment it acknowledges.
UPDATE "website_comments" AS wc
   SET "acknowledges_comment_id" = CASE
         WHEN cr."in_reply_to_external_id" ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
         THEN cr."in_reply_to_external_id"::uuid
       END
  FROM "conversation_replies" AS cr
 WHERE cr."id" = wc."id"
   AND cr."automatic"
   AND wc."author_kind" = 'staff';
