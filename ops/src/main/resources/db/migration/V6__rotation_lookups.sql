-- What the rotation generator needs beyond V4: group holidays, member roles (auditors are never
-- rotated) and the order members joined (the rotation's base order).
alter table cmd_group add column holidays date[] not null default '{}';
alter table cmd_member add column role varchar(20) not null default 'MEMBER';
alter table cmd_member add column joined_order bigserial;
