create table placeholder (id int);
