console.log('learnings: not yet');
